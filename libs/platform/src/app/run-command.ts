import type { INestApplication } from '@nestjs/common';
import { buildAppConfig } from '../config/build-app-config';
import { loadEnvironment } from '../config/load-environment';
import { createRootLogger } from '../logging/logger';
import { provideServers } from '../runtime/servers';
import { createServiceApp } from './create-service-app';
import type { ServiceDefinition } from './service-definition';

/**
 * Runs a one-off command against a service's composition (same config, servers and migrations
 * as `npm start`), then stops everything it started.
 */
export async function runCommand(
  service: ServiceDefinition,
  command: (app: INestApplication) => Promise<void>,
): Promise<void> {
  const env = loadEnvironment();
  const logger = createRootLogger({
    level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL,
    format: 'pretty',
    service: service.name,
  });
  const servers = await provideServers(env, logger);
  let app: INestApplication | undefined;
  try {
    const config = await buildAppConfig(env, service, servers, true);
    // Commands apply migrations whatever MIGRATIONS says: `migrate` is how a deployment that skips them applies them.
    app = await createServiceApp(service, { ...config, applyMigrationsAtStart: true }, { logger });
    await command(app);
    await servers.settled();
  } finally {
    await app?.close();
    await servers.stop();
  }
}
