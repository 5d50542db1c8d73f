import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * What Fastify and the body parser raise before a handler runs: plain errors with a 4xx
 * `statusCode`, a Fastify `code` (FST_ERR_CTP_BODY_TOO_LARGE …) and, from our parser, a `type`.
 */
interface RequestError {
  type?: string;
  code?: unknown;
  statusCode?: unknown;
  message: string;
}

function requestErrorParts(error: RequestError): ReturnType<typeof toProblemParts> | undefined {
  if (error.type === 'entity.too.deep') {
    return { status: 400, code: 'JSON_TOO_DEEP', detail: `${error.message}; send a flatter body.` };
  }
  if (error.type === 'entity.parse.failed') {
    return { status: 400, code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON.' };
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return { status: 400, code: 'MALFORMED_REQUEST', detail: 'The URL is not valid percent-encoded UTF-8.' };
  }
  const status = error.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (status === 413) {
    return { status, code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than the server accepts.' };
  }
  return { status, code: CODE_BY_STATUS.get(status) ?? 'HTTP_ERROR', detail: error.message };
}

function toProblemParts(exception: unknown): Pick<Problem, 'status' | 'code' | 'detail'> & Partial<Problem> {
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
  const early = exception instanceof Error ? requestErrorParts(exception) : undefined;
  return early ?? { status: 500, code: 'INTERNAL', detail: 'An unexpected error occurred; it has been logged.' };
}

/** Nest hands filters Fastify's request and reply, or Node's for an error thrown in a middleware. */
type AnyRequest = (FastifyRequest | IncomingMessage) & { originalUrl?: string; id?: unknown };
type AnyReply = FastifyReply | ServerResponse;

const logger = new Logger('ProblemFilter');

/** Answers `exception` as problem+json, on Fastify's reply or on Node's response. */
export function sendProblem(exception: unknown, request: AnyRequest, response: AnyReply): void {
  const parts = toProblemParts(exception);
  if (parts.status >= 500) logger.error(exception instanceof Error ? exception : String(exception));
  const problem: Problem = {
    type: `https://jiebang.dev/problems/${parts.code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[parts.status] ?? 'Error',
    instance: request.originalUrl ?? request.url ?? '',
    requestId: typeof request.id === 'string' ? request.id : undefined,
    ...parts,
  };
  if (problem.errors?.length === 0) delete problem.errors;
  const body = JSON.stringify(problem);
  const headers = {
    'content-type': 'application/problem+json',
    ...(problem.requestId && { 'x-request-id': problem.requestId }),
  };
  if ('raw' in response) {
    if (response.sent || response.raw.headersSent) return;
    void response.status(parts.status).headers(headers).send(body);
  } else if (!response.headersSent) {
    response.writeHead(parts.status, headers).end(body);
  }
}

/** Every error leaves as RFC 9457 application/problem+json with a stable `code`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<AnyRequest>(), http.getResponse<AnyReply>());
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
