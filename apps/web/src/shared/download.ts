import { accessToken } from '../api/client';
import { ApiError } from '../api/problem';

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads an authenticated file (CSV/XLSX export), reporting progress as a fraction (null while
 * the size is unknown), and saves it under the name the server gave.
 */
export async function downloadFile(
  path: string,
  fallbackName: string,
  onProgress: (fraction: number | null) => void,
): Promise<string> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!response.ok) throw ApiError.from(response, await response.json().catch(() => undefined));
  const total = Number(response.headers.get('content-length')) || null;
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(total ? 0 : null);
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    chunks.push(next.value);
    received += next.value.length;
    onProgress(total ? received / total : null);
  }
  const name = filenameOf(response, fallbackName);
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
