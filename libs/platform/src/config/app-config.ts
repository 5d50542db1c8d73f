import type { EnvironmentVariables } from './environment';

/** The configuration a running service uses: validated variables plus resolved servers. */
export interface AppConfig {
  env: EnvironmentVariables['NODE_ENV'];
  serviceName: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  meili: { url: string; apiKey: string };
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  admin: { email: string; password: string } | null;
  log: { level: EnvironmentVariables['LOG_LEVEL']; format: 'json' | 'pretty' };
  /** Apply pending migrations at start (else only check that none is pending). */
  applyMigrationsAtStart: boolean;
  bodyLimitBytes: number;
  /** Express `trust proxy`: a hop count or a comma list of addresses, CIDRs and named ranges. */
  trustProxy: number | string;
  authRateLimitPerMinute: number;
  events: { retryLimit: number; retryDelaySeconds: number; pollSeconds: number };
  demand: { unclaimedAfterDays: number; clockCron: string | null };
  matching: { clockCron: string | null };
  mail: { smtpUrl: string | null; from: string };
  /** Followers' reminders (null: no schedule), the alert digest's quiet period, the web app's base URL for links in emails. */
  notifications: { clockCron: string | null; digestDelaySeconds: number; publicUrl: string };
  search: { dataDir: string; indexPrefix: string };
  web: { dir: string };
  demo: { seedWhenEmpty: boolean };
  /** Where attachments live, how large they may be, how long a download link lives, when orphans are swept. */
  storage: {
    s3: S3Settings | null;
    maxBytes: number;
    linkTtlSeconds: number;
    sweepCron: string | null;
  };
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  /** null: the AWS SDK's default credential chain. */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
