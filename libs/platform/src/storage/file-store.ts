import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { EventBus } from '../events/event-bus';
import { errorMessage } from '../logging/logger';
import { contentDisposition, FILE_STORAGE, type FileStorage } from './file-storage';
import { ALLOWED_FILE_TYPES, sniff } from './file-types';
import { S3Storage } from './s3-storage';
import { storageError } from './storage.errors';
import { StorageRepository } from './storage.repository';
import { VIRUS_SCANNER, type VirusScanner } from './virus-scanner';

/** An upload as multer hands it over (memory storage). */
export interface UploadedBlob {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** A checked, stored file, not yet held by any row. */
export interface StoredFile {
  key: string;
  filename: string;
  /** Sniffed from the bytes. */
  contentType: string;
  size: number;
  sha256: string;
}

/** What a download needs to know about an attachment row. */
export interface Downloadable {
  id: string;
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface DownloadLink {
  url: string;
  expiresAt: string;
}

/** An upload that dies before its row commits is swept this long after it started. */
const UPLOAD_GRACE_SECONDS = 3600;
const SWEEP_CHUNK = 100;

/**
 * The one way into and out of file storage. Contexts own their attachment tables and decide who
 * may read a file; this checks uploads (size, type from the bytes, virus scan), keeps the store
 * and the database in step, signs download links and serves downloads.
 *
 * Consistency without a distributed transaction: every object is first recorded as pending in
 * `platform.storage_pending`; the transaction that inserts its attachment row releases it, the
 * one that deletes the row schedules it again, and the owner's sweeper deletes whatever is due.
 */
@Injectable()
export class FileStore implements OnApplicationShutdown {
  private readonly logger = new Logger('FileStore');
  private readonly linkSecret: Buffer;

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(VIRUS_SCANNER) private readonly scanner: VirusScanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly pending: StorageRepository,
    private readonly bus: EventBus,
  ) {
    this.linkSecret = createHmac('sha256', config.jwt.secret).update('jiebang attachment links').digest();
  }

  get driver(): FileStorage['driver'] {
    return this.storage.driver;
  }

  /**
   * Checks and stores an upload, then runs `record` in one transaction that inserts the row(s)
   * holding it. If `record` throws, the object is deleted again; if the process dies first, the
   * sweeper deletes it after the grace period.
   */
  async attach<T>(
    owner: string,
    upload: UploadedBlob | undefined,
    record: (file: StoredFile, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const file = await this.check(owner, upload);
    await this.pending.schedule([file.key], owner, UPLOAD_GRACE_SECONDS);
    await this.storage.put(file.key, upload!.buffer, file.contentType);
    try {
      return await this.transactions.run(async (manager) => {
        const result = await record(file, manager);
        await this.pending.release([file.key], manager);
        return result;
      });
    } catch (error) {
      await this.purge(owner, [file.key]);
      throw error;
    }
  }

  /**
   * Runs `remove` in one transaction; the storage keys it returns (of the rows it deleted) are
   * scheduled for deletion in that transaction and deleted after it commits.
   */
  async detach<T>(
    owner: string,
    remove: (manager: EntityManager) => Promise<{ keys: readonly string[]; result: T }>,
  ): Promise<T> {
    const { keys, result } = await this.transactions.run(async (manager) => {
      const outcome = await remove(manager);
      await this.pending.schedule(outcome.keys, owner, 0, manager);
      return outcome;
    });
    await this.purge(owner, keys);
    return result;
  }

  /** In a caller's transaction that deletes attachment rows: their objects go after it commits (see `purge`). */
  async discard(owner: string, keys: readonly string[], manager: EntityManager): Promise<void> {
    await this.pending.schedule(keys, owner, 0, manager);
  }

  /** Deletes what `discard` scheduled, at once; whatever fails here the sweeper retries. */
  async purge(owner: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.sweepKeys(owner, keys);
    } catch (error) {
      this.logger.warn(`deleting ${keys.length} stored object(s) failed; the sweeper retries: ${errorMessage(error)}`);
    }
  }

  /** Deletes every object of `owner` that is due; returns how many. Safe to run concurrently. */
  async sweep(owner: string): Promise<number> {
    let swept = 0;
    for (;;) {
      const count = await this.sweepKeys(owner);
      swept += count;
      if (count < SWEEP_CHUNK) return swept;
    }
  }

  /** Runs the sweeper of `owner` on STORAGE_SWEEP_CRON (one run per tick across replicas). */
  async scheduleSweep(owner: string): Promise<void> {
    const cron = this.config.storage.sweepCron;
    if (!cron) return;
    await this.bus.schedule(`${owner}.storage_sweep`, cron, async () => {
      const swept = await this.sweep(owner);
      if (swept > 0) this.logger.log(`deleted ${swept} orphaned ${owner} object(s)`);
    });
  }

  /**
   * A short-lived link to a file the caller may read: S3's presigned URL, or the app's own
   * download route with a signed token (the filesystem driver streams through the app).
   */
  async link(file: Downloadable, downloadPath: string): Promise<DownloadLink> {
    const ttl = this.config.storage.linkTtlSeconds;
    const expires = Math.floor(Date.now() / 1000) + ttl;
    const presigned = await this.storage.presignedUrl(file.storageKey, {
      filename: file.filename,
      contentType: file.contentType,
      expiresInSeconds: ttl,
    });
    const url = presigned ?? `${downloadPath}?token=${expires}.${this.sign(file.id, expires)}`;
    return { url, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** Whether `token` is an unexpired link to the attachment `id` minted by `link`. */
  verifyLinkToken(id: string, token: string | undefined): boolean {
    const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
    if (!match) return false;
    const expires = Number(match[1]);
    if (expires * 1000 < Date.now()) return false;
    const expected = Buffer.from(this.sign(id, expires));
    const given = Buffer.from(match[2]);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Answers a download the caller may make: a redirect to S3's presigned URL, or the bytes themselves. */
  async send(reply: FastifyReply, file: Downloadable): Promise<void> {
    void reply.header('Cache-Control', 'private, no-store');
    const headers = {
      filename: file.filename,
      contentType: file.contentType,
      expiresInSeconds: this.config.storage.linkTtlSeconds,
    };
    const presigned = await this.storage.presignedUrl(file.storageKey, headers);
    if (presigned) return void (await reply.redirect(presigned, 302));
    let stream;
    try {
      stream = await this.storage.open(file.storageKey);
    } catch {
      throw storageError('ATTACHMENT_CONTENT_MISSING', 'The file is recorded but its content is missing.');
    }
    await reply
      .status(200)
      .header('Content-Type', file.contentType)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', contentDisposition(file.filename))
      // Never rendered as a page of this origin, whatever a browser makes of the bytes.
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(stream);
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) this.storage.destroy();
  }

  private async check(owner: string, upload: UploadedBlob | undefined): Promise<StoredFile> {
    if (!upload) {
      throw storageError('ATTACHMENT_MISSING', 'Send the file as the multipart field "file".', {
        errors: [{ field: 'file', message: 'required' }],
      });
    }
    const max = this.config.storage.maxBytes;
    if (upload.size > max) throw tooLarge(max);
    const { allowed, detected } = await sniff(upload.buffer);
    if (!allowed) {
      throw storageError(
        'ATTACHMENT_TYPE_NOT_ALLOWED',
        `Only PDF, PNG, JPEG, DOCX, XLSX, PPTX and ZIP files are accepted; this file's content is ${detected ?? 'not recognised'}.`,
        {
          errors: [{ field: 'file', message: 'type not allowed' }],
          extensions: { detectedType: detected, allowedTypes: Object.values(ALLOWED_FILE_TYPES) },
        },
      );
    }
    const verdict = await this.scanner.scan(upload.buffer, upload.originalname);
    if (!verdict.clean) {
      throw storageError('ATTACHMENT_REJECTED', 'The virus scanner refused this file.', {
        extensions: { signature: verdict.signature },
      });
    }
    return {
      key: `${owner}/${randomUUID()}`,
      filename: safeFilename(upload.originalname, allowed.ext),
      contentType: allowed.mime,
      size: upload.size,
      sha256: createHash('sha256').update(upload.buffer).digest('hex'),
    };
  }

  private async sweepKeys(owner: string, only?: readonly string[]): Promise<number> {
    return this.transactions.run(async (manager) => {
      const keys = await this.pending.lockDue(owner, SWEEP_CHUNK, manager, only);
      for (const key of keys) await this.storage.remove(key);
      await this.pending.release(keys, manager);
      return keys.length;
    });
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.linkSecret).update(`${id}.${expires}`).digest('base64url');
  }
}

export function tooLarge(max: number) {
  return storageError('ATTACHMENT_TOO_LARGE', `A file may be at most ${max} bytes.`, {
    errors: [{ field: 'file', message: `at most ${max} bytes` }],
    extensions: { maxBytes: max },
  });
}

/**
 * The name a download carries: no path, no control characters, at most 200 characters, and an
 * extension that says what the bytes are (a PNG sent as report.pdf downloads as report.pdf.png).
 */
export function safeFilename(original: string, ext: string): string {
  const base = (original.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
    .trim()
    .slice(-200);
  const name = base === '' ? 'file' : base;
  const current = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const same = current === ext || (ext === 'jpg' && current === 'jpeg');
  return same ? name : `${name}.${ext}`;
}
