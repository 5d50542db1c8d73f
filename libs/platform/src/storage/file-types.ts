import FileType from 'file-type';

/** The types an attachment may have, told from its bytes; a file's name and the client's header count for nothing. */
export const ALLOWED_FILE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
} as const;

export type AllowedExtension = keyof typeof ALLOWED_FILE_TYPES;

export interface SniffedType {
  ext: AllowedExtension;
  mime: (typeof ALLOWED_FILE_TYPES)[AllowedExtension];
}

/** What the bytes are, if they are one of the allowed types; `detected` says what else they looked like. */
export async function sniff(bytes: Buffer): Promise<{ allowed: SniffedType | null; detected: string | null }> {
  const found = await FileType.fromBuffer(bytes);
  if (!found) return { allowed: null, detected: null };
  const ext = found.ext as string;
  return ext in ALLOWED_FILE_TYPES
    ? {
        allowed: { ext: ext as AllowedExtension, mime: ALLOWED_FILE_TYPES[ext as AllowedExtension] },
        detected: found.mime,
      }
    : { allowed: null, detected: found.mime };
}
