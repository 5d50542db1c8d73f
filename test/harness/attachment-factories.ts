import { randomBytes } from 'node:crypto';
import type supertest from 'supertest';
import { zipOf } from './zip';

type Http = ReturnType<typeof supertest>;

/** A small, valid PDF whose bytes are unique to each call. */
export function aPdf(): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<< /Title (${randomBytes(8).toString('hex')}) >>endobj\ntrailer<<>>\n%%EOF\n`);
}

/** A 1×1 PNG. */
export function aPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** A Windows executable's first bytes: what a renamed .exe looks like. */
export function anExe(): Buffer {
  const bytes = Buffer.alloc(512, 0);
  bytes.write('MZ', 0, 'latin1');
  return bytes;
}

export function aZip(): Buffer {
  return zipOf([{ name: 'readme.txt', data: Buffer.from('样品检测数据') }]);
}

export interface AttachmentRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Uploads `bytes` as `filename` with the given form fields; expects 201. */
export async function uploaded(
  http: Http,
  path: string,
  bearer: { Authorization: string },
  bytes: Buffer,
  filename: string,
  fields: Record<string, string> = {},
): Promise<AttachmentRef> {
  let request = http.post(path).set(bearer);
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
  const response = await request.attach('file', bytes, filename);
  if (response.status !== 201) throw new Error(`upload refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as AttachmentRef;
}
