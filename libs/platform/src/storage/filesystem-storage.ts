import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open as openFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStorage } from './file-storage';

const KEY = /^[a-z][a-z0-9_-]*\/[0-9a-f-]{36}$/;

/**
 * Files under `<DATA_DIR>/files`, the embedded default. Each object is written to a temporary
 * name, flushed, then renamed into place, so a crash never leaves a partial file under a key.
 */
export class FilesystemStorage implements FileStorage {
  readonly driver = 'filesystem' as const;

  constructor(private readonly root: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.part`;
    const handle = await openFile(temporary, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  open(key: string): Promise<Readable> {
    const stream = createReadStream(this.pathOf(key));
    // Surface a missing file as a rejection here rather than as a stream error mid-response.
    return new Promise((resolve, reject) => {
      stream.once('open', () => resolve(stream));
      stream.once('error', reject);
    });
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  presignedUrl(): Promise<string | null> {
    return Promise.resolve(null);
  }

  /** `<root>/<owner>/<first two hex digits>/<uuid>`: no directory grows past a few thousand entries. */
  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    const [owner, id] = key.split('/');
    return path.join(this.root, owner, id.slice(0, 2), id);
  }
}
