import type { IncomingMessage } from 'node:http';
import {
  applyDecorators,
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { tooLarge } from './file-store';
import { storageError } from './storage.errors';

type MultipartRequest = IncomingMessage & { file?: unknown; body?: unknown };

/**
 * Reads one multipart file (and the form's fields) into memory with multer, from Node's request:
 * the content-type parser leaves multipart bodies unread for it. Nest's own FileInterceptor is
 * Express-only. A file over the size limit is a 413, any other broken form a 400, as there.
 */
export class FileUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(field: string, options: multer.Options) {
    this.upload = multer({ ...options, storage: multer.memoryStorage() }).single(field);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { file?: unknown }>();
    const raw = request.raw as MultipartRequest;
    await new Promise<void>((resolve, reject) => {
      // multer's types are Express's; it reads only what Node's request and response carry.
      this.upload(raw as never, http.getResponse<FastifyReply>().raw as never, (error: unknown) =>
        error ? reject(toHttpError(error)) : resolve(),
      );
    });
    request.file = raw.file;
    if (raw.body !== undefined) request.body = raw.body;
    return next.handle();
  }
}

function toHttpError(error: unknown): HttpException {
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE')
    return new PayloadTooLargeException(error.message);
  return new BadRequestException(error instanceof Error ? error.message : String(error));
}

/** Nest's interceptor factory for `@UseInterceptors(FileUpload('file', { limits }))`. */
export function FileUpload(field: string, options: multer.Options) {
  @Injectable()
  class Upload extends FileUploadInterceptor {
    constructor() {
      super(field, options);
    }
  }
  return Upload;
}

/**
 * Reads one multipart file (field `file`) into memory, stopping at ATTACHMENT_MAX_BYTES: a larger
 * upload is refused while it streams in, before anything is stored. Names are read as UTF-8.
 */
@Injectable()
export class AttachmentUploadInterceptor extends FileUploadInterceptor {
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super('file', {
      defParamCharset: 'utf8',
      limits: { fileSize: config.storage.maxBytes, files: 1, fields: 8, parts: 9, fieldSize: 4096 },
    });
    this.maxBytes = config.storage.maxBytes;
  }

  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw tooLarge(this.maxBytes);
      if (error instanceof HttpException && error.getStatus() < 500) {
        throw storageError('ATTACHMENT_UPLOAD_INVALID', `The upload is not a valid form: ${error.message}.`);
      }
      throw error;
    }
  }
}

/** A multipart upload route: the interceptor and its OpenAPI description (field `file` plus `fields`). */
export function AttachmentUpload(fields: Record<string, SchemaObject> = {}, required: string[] = []) {
  return applyDecorators(
    UseInterceptors(AttachmentUploadInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file', ...required],
        properties: { file: { type: 'string', format: 'binary' }, ...fields },
      },
    }),
  );
}

/** What every attachment view carries; each context adds where it hangs. */
export class StoredFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '技术方案.pdf' }) filename!: string;
  @ApiProperty({ description: 'Sniffed from the bytes when uploaded', example: 'application/pdf' })
  contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DownloadLinkView {
  @ApiProperty({
    description: 'Fetch within the lifetime: an S3 presigned URL, or the download route with a signed token',
  })
  url!: string;

  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
