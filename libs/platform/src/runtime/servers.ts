import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { EnvironmentVariables } from '../config/environment';
import { recoverMeili, startEmbeddedMeili, type RunningMeili } from './embedded-meilisearch';
import { recoverPostgres, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { freePort } from './free-port';
import { persistentSecret } from './secrets';

export interface Servers {
  databaseUrl: string;
  meili: { url: string; apiKey: string };
  /** What this process started itself, for the start-up log and for shutdown. */
  embedded: { postgres?: RunningPostgres; meili?: RunningMeili };
  /** The start (or command) that uses these servers got through: see FIRST_START. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Present in DATA_DIR from the first use of its embedded servers until that start is ready. Until
 * then only migrations and the demo seed have written (the app listens after them), so a start that
 * finds it knows the first one was interrupted (Ctrl-C, a kill) and left incomplete data. The seed
 * only runs on an empty database, so the demo would stay half-loaded for good: the servers start
 * over empty instead.
 */
const FIRST_START = 'first-start.pending';

/**
 * Uses DATABASE_URL and MEILI_URL when set, and otherwise starts real embedded servers whose
 * data lives under DATA_DIR and survives restarts. Starts both in parallel and, if one fails,
 * stops the other so no orphan process is left behind. Servers orphaned by a hard kill of an
 * earlier start are stopped first (see recoverOrphan), which frees their preferred ports too.
 */
export async function provideServers(env: EnvironmentVariables, logger: Logger): Promise<Servers> {
  const dataDir = path.resolve(env.DATA_DIR);
  const firstStart = path.join(dataDir, FIRST_START);
  const embedded = !env.DATABASE_URL && !env.MEILI_URL;
  const interrupted = embedded && existsSync(firstStart);
  if (interrupted) {
    logger.warn(
      `the first start in ${dataDir} was interrupted before it was ready, so its data is incomplete: starting over with empty embedded servers`,
    );
  }
  if (embedded && (interrupted || !existsSync(path.join(dataDir, 'postgres')))) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(firstStart, `${new Date().toISOString()}\n`);
  }
  /** Stops what a killed start left running on `dir`, then empties it if that start never got through. */
  const recovered = async (dir: string, recover: () => Promise<void>) => {
    await recover();
    if (interrupted) await rm(dir, { recursive: true, force: true });
    return dir;
  };
  const [pgResult, meiliResult] = await Promise.allSettled([
    env.DATABASE_URL
      ? Promise.resolve(undefined)
      : (async () => {
          const log = logger.child({ server: 'postgres' });
          const dir = path.join(dataDir, 'postgres');
          return startEmbeddedPostgres({
            dataDir: await recovered(dir, () => recoverPostgres(dir, log)),
            port: await freePort(env.EMBEDDED_POSTGRES_PORT),
            database: 'jiebang',
            onLog: (line) => log.trace(line.trim()),
          });
        })(),
    env.MEILI_URL
      ? Promise.resolve(undefined)
      : (async () => {
          const log = logger.child({ server: 'meilisearch' });
          const dir = path.join(dataDir, 'meili');
          return startEmbeddedMeili({
            dataDir: await recovered(dir, () => recoverMeili(dir, log)),
            port: await freePort(env.EMBEDDED_MEILI_PORT),
            masterKey: await persistentSecret(dataDir, 'meili-master-key'),
            binary: env.MEILI_BIN,
            maxIndexingMemoryMiB: env.EMBEDDED_MEILI_MAX_INDEXING_MEMORY_MIB,
            maxIndexingThreads: env.EMBEDDED_MEILI_MAX_INDEXING_THREADS,
            onLog: (line) => log.trace(line.trim()),
            log,
          });
        })(),
  ]);
  const postgres = pgResult.status === 'fulfilled' ? pgResult.value : undefined;
  const meili = meiliResult.status === 'fulfilled' ? meiliResult.value : undefined;
  const stop = async (): Promise<void> => {
    await Promise.allSettled([postgres?.stop(), meili?.stop()]);
  };
  const failure = [pgResult, meiliResult].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return {
    databaseUrl: env.DATABASE_URL ?? postgres!.url,
    meili: meili ? { url: meili.url, apiKey: meili.apiKey } : { url: env.MEILI_URL!, apiKey: env.MEILI_MASTER_KEY! },
    embedded: { postgres, meili },
    settled: () => rm(firstStart, { force: true }),
    stop,
  };
}
