export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

interface ProblemBody {
  code?: string;
  detail?: string;
  title?: string;
  errors?: FieldProblem[];
}

/** A failed API call: the problem+json body's stable code, detail and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly fieldErrors: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  static from(response: Response, body: unknown): ApiError {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemBody;
    return new ApiError(
      response.status,
      problem.code ?? (response.status >= 500 ? 'INTERNAL' : 'UNKNOWN'),
      problem.detail ?? problem.title ?? response.statusText,
      Array.isArray(problem.errors) ? problem.errors : [],
    );
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
    error.cause = cause;
    return error;
  }
}

/** `rows[3].bountyMax` → ['rows', 3, 'bountyMax'], the name path of an Ant Design form field. */
export function fieldPath(field: string): Array<string | number> {
  return field
    .split(/[.[\]]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
