import type { Readable } from 'node:stream';

/** What a download link tells the store to answer with. */
export interface DownloadHeaders {
  filename: string;
  contentType: string;
  expiresInSeconds: number;
}

/**
 * Where attachment bytes live: one port, two drivers (the filesystem under DATA_DIR, any
 * S3-compatible store). Keys are opaque (`<owner>/<uuid>`); nothing but the store sees them.
 */
export interface FileStorage {
  readonly driver: 'filesystem' | 's3';
  /** Writes the whole object or nothing: a reader never sees a partial file. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object's bytes as a stream; rejects when there is no such object. */
  open(key: string): Promise<Readable>;
  /** Deletes the object; deleting an absent one is not an error. */
  remove(key: string): Promise<void>;
  /** A presigned short-lived URL the client fetches directly, or null when the app streams the bytes itself. */
  presignedUrl(key: string, headers: DownloadHeaders): Promise<string | null>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** `attachment; filename=…` that survives non-ASCII names (RFC 6266 / RFC 5987). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
