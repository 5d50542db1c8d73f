import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, PLATFORM_ERRORS, type FieldError } from './domain-error';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

// The first platform code listed for a status names an HttpException of that status.
const CODE_BY_STATUS = new Map<number, string>();
for (const [code, status] of Object.entries(PLATFORM_ERRORS))
  if (!CODE_BY_STATUS.has(status)) CODE_BY_STATUS.set(status, code);

/** body-parser errors arrive as plain errors carrying `type` and `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
  message: string;
}

function toProblemParts(exception: unknown): Pick<Problem, 'status' | 'code' | 'detail'> & Partial<Problem> {
  // Express adapters wrap body-parser errors in an HttpException whose cause keeps their type.
  const parser = (exception instanceof HttpException ? exception.cause : exception) as BodyParserError | undefined;
  if (parser?.type === 'entity.too.large') {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than the server accepts.' };
  }
  if (parser?.type === 'entity.too.deep') {
    return { status: 400, code: 'JSON_TOO_DEEP', detail: `${parser.message}; send a flatter body.` };
  }
  if (parser?.type === 'entity.parse.failed') {
    return { status: 400, code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON.' };
  }
  if (exception instanceof DomainError) {
    return {
      status: exception.status,
      code: exception.code,
      detail: exception.message,
      errors: exception.errors,
      ...exception.extensions,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    const { message } = body;
    // A failed readiness check carries each dependency's result: keep it, as `checks`.
    const checks = typeof body.details === 'object' && body.details !== null ? { checks: body.details } : {};
    return {
      status,
      code: CODE_BY_STATUS.get(status) ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR'),
      detail: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message,
      ...checks,
    };
  }
  return { status: 500, code: 'INTERNAL', detail: 'An unexpected error occurred; it has been logged.' };
}

/** Every error leaves as RFC 9457 application/problem+json with a stable `code`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const parts = toProblemParts(exception);
    if (parts.status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    const problem: Problem = {
      type: `https://jiebang.dev/problems/${parts.code.toLowerCase().replaceAll('_', '-')}`,
      title: TITLES[parts.status] ?? 'Error',
      instance: request.originalUrl,
      requestId: typeof request.id === 'string' ? request.id : undefined,
      ...parts,
    };
    if (problem.errors?.length === 0) delete problem.errors;
    if (response.headersSent) return;
    response.status(parts.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

/**
 * A whole HTTP/1.1 response for errors Node raises before any handler runs (a request line or
 * headers over its limit): the same problem+json shape, then the connection closes.
 */
export function rawProblemResponse(status: 400 | 431): string {
  const code = status === 431 ? 'HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST';
  const body = JSON.stringify({
    type: `https://jiebang.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status],
    status,
    code,
    detail:
      status === 431
        ? 'The request line or headers are larger than the server accepts.'
        : 'The request is not valid HTTP.',
  });
  return [
    `HTTP/1.1 ${status} ${TITLES[status]}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
