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
  stop(): Promise<void>;
}

/**
 * Uses DATABASE_URL and MEILI_URL when set, and otherwise starts real embedded servers whose
 * data lives under DATA_DIR and survives restarts. Starts both in parallel and, if one fails,
 * stops the other so no orphan process is left behind. Servers orphaned by a hard kill of an
 * earlier start are stopped first (see recoverOrphan), which frees their preferred ports too.
 */
export async function provideServers(env: EnvironmentVariables, logger: Logger): Promise<Servers> {
  const dataDir = path.resolve(env.DATA_DIR);
  const [pgResult, meiliResult] = await Promise.allSettled([
    env.DATABASE_URL
      ? Promise.resolve(undefined)
      : (async () => {
          const log = logger.child({ server: 'postgres' });
          await recoverPostgres(path.join(dataDir, 'postgres'), log);
          return startEmbeddedPostgres({
            dataDir: path.join(dataDir, 'postgres'),
            port: await freePort(env.EMBEDDED_POSTGRES_PORT),
            database: 'jiebang',
            onLog: (line) => log.trace(line.trim()),
          });
        })(),
    env.MEILI_URL
      ? Promise.resolve(undefined)
      : (async () => {
          const log = logger.child({ server: 'meilisearch' });
          await recoverMeili(path.join(dataDir, 'meili'), log);
          return startEmbeddedMeili({
            dataDir: path.join(dataDir, 'meili'),
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
    stop,
  };
}
