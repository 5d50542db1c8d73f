import path from 'node:path';
import { persistentSecret } from '../runtime/secrets';
import type { AppConfig } from './app-config';
import type { EnvironmentVariables } from './environment';
import { parseTrustProxy } from './trust-proxy';

export interface ServiceIdentity {
  name: string;
  defaultPort: number;
}

/** Combines validated variables with the servers actually in use into the service's config. */
export async function buildAppConfig(
  env: EnvironmentVariables,
  service: ServiceIdentity,
  servers: { databaseUrl: string; meili: { url: string; apiKey: string } },
  isTerminal: boolean,
): Promise<AppConfig> {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    serviceName: service.name,
    port: env.PORT ?? service.defaultPort,
    dataDir,
    databaseUrl: servers.databaseUrl,
    meili: servers.meili,
    jwt: {
      // Outside production a missing secret is generated once and kept, so tokens survive restarts.
      secret: env.JWT_SECRET ?? (await persistentSecret(dataDir, 'jwt-secret', 48)),
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS,
    },
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
    log: { level: env.LOG_LEVEL, format: env.LOG_FORMAT ?? (isTerminal ? 'pretty' : 'json') },
    applyMigrationsAtStart: env.MIGRATIONS === 'apply',
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    // Validated in the environment: never null here.
    trustProxy: parseTrustProxy(env.TRUST_PROXY)!,
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    events: {
      retryLimit: env.EVENT_RETRY_LIMIT,
      retryDelaySeconds: env.EVENT_RETRY_DELAY_SECONDS,
      pollSeconds: env.EVENT_POLL_SECONDS,
    },
    search: { dataDir: path.resolve(env.SEARCH_DATA_DIR), indexPrefix: env.SEARCH_INDEX_PREFIX },
    demand: {
      unclaimedAfterDays: env.UNCLAIMED_AFTER_DAYS,
      clockCron: env.DEMAND_CLOCK_CRON === 'off' ? null : env.DEMAND_CLOCK_CRON,
    },
    matching: { clockCron: env.MATCHING_CLOCK_CRON === 'off' ? null : env.MATCHING_CLOCK_CRON },
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM },
    notifications: {
      clockCron: env.NOTIFICATIONS_CLOCK_CRON === 'off' ? null : env.NOTIFICATIONS_CLOCK_CRON,
      digestDelaySeconds: env.ALERT_DIGEST_DELAY_SECONDS,
      publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
    },
    web: { dir: path.resolve(env.WEB_DIR) },
    storage: {
      s3:
        env.S3_URL && env.S3_BUCKET
          ? {
              endpoint: env.S3_URL,
              bucket: env.S3_BUCKET,
              region: env.S3_REGION,
              forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
              credentials:
                env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
                  ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
                  : null,
            }
          : null,
      maxBytes: env.ATTACHMENT_MAX_BYTES,
      linkTtlSeconds: env.ATTACHMENT_LINK_TTL_SECONDS,
      sweepCron: env.STORAGE_SWEEP_CRON === 'off' ? null : env.STORAGE_SWEEP_CRON,
    },
    demo: { seedWhenEmpty: (env.SEED_DEMO ?? (env.NODE_ENV === 'development' ? 'true' : 'false')) === 'true' },
  };
}
