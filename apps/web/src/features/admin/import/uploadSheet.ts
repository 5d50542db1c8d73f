import { accessToken } from '../../../api/client';
import { ApiError } from '../../../api/problem';
import type { Schema } from '../../../api/types';

export type ImportResult = Schema<'ImportResult'>;

/**
 * Posts the sheet as multipart `file` with XMLHttpRequest, which (unlike fetch) reports upload
 * progress; failures become the same ApiError the typed client throws.
 */
export async function uploadSheet(file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  const token = await accessToken();
  const body = new FormData();
  body.append('file', file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/demands/import');
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const response = request.response as unknown;
      if (request.status >= 200 && request.status < 300) resolve(response as ImportResult);
      else
        reject(ApiError.from(new Response(null, { status: request.status, statusText: request.statusText }), response));
    };
    request.onerror = () => reject(ApiError.network(new Error('upload failed')));
    request.send(body);
  });
}
