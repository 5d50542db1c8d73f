import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { nextRestartDelay } from './embedded-meilisearch';
import { LogTail, type OrphanSpec, processInfo, recoverOrphan, type RuntimeLog, startFailure } from './process-control';

function recordingLog(): RuntimeLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

describe('recoverOrphan', () => {
  let dir: string;
  let pidFile: string;
  const marker = `jiebang-orphan-${process.pid}`;
  const idle = 'setTimeout(() => {}, 60000)';
  const spec = (): OrphanSpec => ({
    server: 'Fake',
    pidFile,
    isOurs: ({ argv }) => argv.includes(marker),
    stopSignal: 'SIGTERM',
    forceSignal: 'SIGKILL',
    stopTimeoutMs: 5_000,
  });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jiebang-orphan-'));
    pidFile = path.join(dir, 'server.pid');
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stops our server left running by a dead parent and removes its pid file', async () => {
    // The shell exits at once, so its child is reparented: an orphan, like a server after kill -9 of its app.
    const pid = Number(
      execFileSync('sh', ['-c', `"${process.execPath}" -e "${idle}" ${marker} >/dev/null 2>&1 & echo $!`], {
        encoding: 'utf8',
      }),
    );
    await writeFile(pidFile, `${pid}\n`);
    const log = recordingLog();
    await recoverOrphan(spec(), log);
    expect(await processInfo(pid)).toBeNull();
    expect(existsSync(pidFile)).toBe(false);
    expect(log.lines.join('\n')).toContain(`stopping orphaned Fake (pid ${pid})`);
  });

  it('removes a pid file whose process is gone, or is now another program, and kills nothing', async () => {
    const log = recordingLog();
    await writeFile(pidFile, '999999999\n');
    await recoverOrphan(spec(), log);
    expect(existsSync(pidFile)).toBe(false);
    // After a power cut the pid may belong to anything: here, this test's own process.
    await writeFile(pidFile, `${process.pid}\n`);
    await recoverOrphan(spec(), log);
    expect(existsSync(pidFile)).toBe(false);
    expect(log.lines).toEqual([
      'removing stale server.pid of Fake: pid 999999999 is not running',
      `removing stale server.pid of Fake: pid ${process.pid} is another program`,
    ]);
  });

  it('refuses to touch our server while the app that started it is alive', async () => {
    const child = spawn(process.execPath, ['-e', idle, marker]);
    try {
      await writeFile(pidFile, `${child.pid}\n`);
      await expect(recoverOrphan(spec(), recordingLog())).rejects.toThrow(/belongs to running process/);
      expect(await processInfo(child.pid!)).not.toBeNull();
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('startFailure', () => {
  it('explains a rejection without an error by the server’s last output', () => {
    const tail = new LogTail(2);
    tail.push('LOG:  starting\nFATAL:  lock file "postmaster.pid" already exists\n');
    tail.push('HINT:  Is another postmaster (PID 42) running?\n');
    const error = startFailure('PostgreSQL', undefined, tail);
    expect(error.message).toBe(
      'PostgreSQL failed to start; its last output:\nFATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 42) running?',
    );
    expect(error.message).not.toContain('undefined');
  });
});

describe('nextRestartDelay', () => {
  it('doubles from 0.5 s to at most 30 s and starts again after a stable run', () => {
    const delays: number[] = [];
    let delay: number | null = null;
    for (let crash = 0; crash < 9; crash++) delays.push((delay = nextRestartDelay(delay, 1_000)));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(nextRestartDelay(30_000, 120_000)).toBe(500);
  });
});
