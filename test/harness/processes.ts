import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '@jiebang/platform';

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the process ends by itself: its exit code, or the signal that ended it (`'SIGKILL'`). */
  exited: Promise<number | NodeJS.Signals>;
  /** Sends SIGTERM and resolves as `exited` does: 0 for a clean stop, a signal's name if it died of one. */
  stop: () => Promise<number | NodeJS.Signals>;
}

/**
 * Starts `node dist/apps/<app>/src/main.js` (built by the global setup) with exactly the given environment (plus PATH), so
 * a developer's own DATABASE_URL never leaks into a test.
 */
export function startApp(app: string, env: Record<string, string>): RunningProcess {
  return startProcess(`dist/apps/${app}/src/main.js`, [], { LOG_FORMAT: 'json', ...env });
}

/** Runs a Node script as a child process with exactly the given environment (plus PATH). */
export function startProcess(script: string, args: string[], env: Record<string, string> = {}): RunningProcess {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    // Node gives one of the two: the code of a process that exited, or the signal that ended it.
    child.once('exit', (code, signal) => resolve(code ?? (signal as NodeJS.Signals))),
  );
  return {
    child,
    output: () => output,
    exited,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export async function isListening(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** The environment a deployable needs to run on the harness's servers, against `databaseUrl`. */
export function serviceEnv(databaseUrl: string, servers: { meiliUrl: string; meiliKey: string; root: string }) {
  return {
    DATABASE_URL: databaseUrl,
    MEILI_URL: servers.meiliUrl,
    MEILI_MASTER_KEY: servers.meiliKey,
    DATA_DIR: servers.root,
    NODE_ENV: 'production',
  };
}

/** Whether a pid is a running process (a zombie waiting to be reaped has ended). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

/**
 * Whether `pid` is a running server started on `dir` (its command line names the directory). A pid
 * read from a pid file may by now belong to another suite's process: pids are reused (pid_max is
 * 32768 on our machines), so cleanup must check this before it kills.
 */
export function isServerIn(pid: number, dir: string): boolean {
  try {
    return isRunning(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
  } catch {
    return false;
  }
}

/** The pid on the first line of a server's pid file (postmaster.pid, meilisearch.pid). */
export function pidIn(file: string): number {
  return Number.parseInt(readFileSync(file, 'utf8').split('\n')[0], 10);
}

/** `count` different free ports: each is released at once, so two calls may return the same one. */
export async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
