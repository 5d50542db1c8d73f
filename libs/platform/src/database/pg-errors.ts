import { QueryFailedError } from 'typeorm';

/** True when the error is PostgreSQL's unique_violation, optionally on one constraint/index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/** True when the error is PostgreSQL's check_violation (a CHECK or a trigger raising it) on `constraint`. */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23514' && driverError.constraint === constraint;
}

/** True when the error is PostgreSQL's foreign_key_violation: a row others still point at, or a missing target. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503';
}
