import { StreamableFile } from '@nestjs/common';
import { contentDisposition } from '../storage/file-storage';

/** A file made for this response (an export) as a download, named for every browser (ASCII fallback and UTF-8). */
export function attachment(file: { body: Buffer; contentType: string; filename: string }): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: contentDisposition(file.filename),
    length: file.body.length,
  });
}
