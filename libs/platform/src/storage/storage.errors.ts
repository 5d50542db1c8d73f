import { errorFactory } from '../http/domain-error';

/** Refusals of an upload or a download link; stable codes, mapped to HTTP here once. */
export const STORAGE_ERRORS = {
  ATTACHMENT_MISSING: 400,
  ATTACHMENT_UPLOAD_INVALID: 400,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ATTACHMENT_REJECTED: 422,
  ATTACHMENT_CONTENT_MISSING: 404,
} as const;

export const storageError = errorFactory(STORAGE_ERRORS);
