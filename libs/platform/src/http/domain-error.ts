/** A field-level problem, as listed in a problem+json `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/**
 * A business error with a stable code. Each context keeps a catalogue of its codes and their HTTP
 * statuses (`*.errors.ts`); the problem filter is the one place that turns them into responses.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type ErrorCatalogue = Readonly<Record<string, number>>;

/** Builds the error factory of one context from its code → status catalogue. */
export function errorFactory<C extends ErrorCatalogue>(catalogue: C) {
  return (
    code: keyof C & string,
    message: string,
    extras: { errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) => new DomainError(code, catalogue[code], message, extras.errors, extras.extensions);
}

/** Codes the platform itself raises. */
export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  AUTH_REQUIRED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies ErrorCatalogue;

export const platformError = errorFactory(PLATFORM_ERRORS);
