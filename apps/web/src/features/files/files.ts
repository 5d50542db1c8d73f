import { accessToken } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Schema } from '../../api/types';

/** What every attachment view carries, whichever context owns it (plus its part or kind). */
export type FileView = Pick<
  Schema<'MatchingAttachmentView'>,
  'id' | 'filename' | 'contentType' | 'size' | 'createdAt'
> & {
  part?: Schema<'DemandAttachmentView'>['part'];
  kind?: Schema<'MatchingAttachmentView'>['kind'];
};

/** The server's limit (ATTACHMENT_MAX_BYTES' default): refused here before a byte is sent. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What the server accepts (it sniffs the bytes; this only narrows the file picker). */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.zip';

export const fileKeys = {
  list: (base: string) => ['files', base] as const,
};

async function authorised(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!response.ok) throw ApiError.from(response, await response.json().catch(() => undefined));
  return response;
}

/** The files on a parent the caller may read (`base` is the parent's `…/attachments` route). */
export async function listFiles(base: string): Promise<FileView[]> {
  return (await (await authorised(base)).json()) as FileView[];
}

export async function deleteFile(base: string, id: string): Promise<void> {
  await authorised(`${base}/${id}`, { method: 'DELETE' });
}

/** Opens a short-lived download link (a presigned S3 URL or the app's signed link): the browser saves the file. */
export async function openFile(base: string, id: string): Promise<void> {
  const link = (await (await authorised(`${base}/${id}/link`)).json()) as Schema<'DownloadLinkView'>;
  const anchor = document.createElement('a');
  anchor.href = link.url;
  anchor.rel = 'noopener';
  anchor.click();
}

/**
 * Posts one file as multipart `file` (with `fields`) through XMLHttpRequest, which reports upload
 * progress; failures become the ApiError the typed client throws.
 */
export async function uploadFile(
  base: string,
  file: File,
  fields: Record<string, string>,
  onProgress: (percent: number) => void,
): Promise<FileView> {
  const token = await accessToken();
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', base);
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const response = request.response as unknown;
      if (request.status >= 200 && request.status < 300) resolve(response as FileView);
      else
        reject(ApiError.from(new Response(null, { status: request.status, statusText: request.statusText }), response));
    };
    request.onerror = () => reject(ApiError.network(new Error('upload failed')));
    request.send(body);
  });
}

/** 1.2 MB, 340 KB, 12 B. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
