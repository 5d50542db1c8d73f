import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  PayloadTooLargeException,
  UseInterceptors,
  HttpException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { tooLarge } from './file-store';
import { storageError } from './storage.errors';

/**
 * Reads one multipart file (field `file`) into memory, stopping at ATTACHMENT_MAX_BYTES: a larger
 * upload is refused while it streams in, before anything is stored. Names are read as UTF-8.
 */
@Injectable()
export class AttachmentUploadInterceptor extends FileInterceptor('file') {
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
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
