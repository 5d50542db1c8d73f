// First, before anything below requires http or pg: see tracing/instrument.ts.
import './tracing/instrument';
export { createServiceApp, type CreateServiceAppOptions } from './app/create-service-app';
export { PlatformModule } from './app/platform.module';
export { AuthRateLimitMiddleware } from './http/auth-rate-limit.middleware';
export { runService } from './app/run-service';
export type { ServiceDefinition } from './app/service-definition';
export { type AuthenticatedRequest, CurrentUser, memberOrganisation, Public, Roles } from './auth/auth.decorators';
export { AccountStatus } from './auth/account-status';
export { TokenService } from './auth/token.service';
export { APP_CONFIG, type AppConfig, type S3Settings } from './config/app-config';
export { buildAppConfig } from './config/build-app-config';
export { EnvironmentVariables } from './config/environment';
export { ConfigurationError, loadEnvironment } from './config/load-environment';
export { type MigrationClass, runMigrations } from './database/migrations';
export { Clock } from './database/clock';
export { Transactions } from './database/transactions';
export {
  EventBus,
  type EventFor,
  type EventHandler,
  deadLetterQueueName,
  queueName,
  type ReplayOptions,
} from './events/event-bus';
export { Inbox } from './events/inbox';
export { DomainError, type ErrorCatalogue, errorFactory, type FieldError, platformError } from './http/domain-error';
export { type ReadinessCheck, ReadinessChecks } from './health/readiness-checks';
export { type CollectedGauge, type GaugeSample, Metrics } from './metrics/metrics';
export { createRootLogger, errorMessage } from './logging/logger';
export { meiliPidFile, startEmbeddedMeili, type RunningMeili } from './runtime/embedded-meilisearch';
export { startEmbeddedPostgres, type RunningPostgres } from './runtime/embedded-postgres';
export { freePort } from './runtime/free-port';
export { provideServers, type Servers } from './runtime/servers';
export { MEILI_CLIENT } from './search/meili.provider';
export { type Page, PageMeta, PageQuery, pageJson, pageOf } from './http/pagination';
export { isCheckViolation, isForeignKeyViolation, isUniqueViolation } from './database/pg-errors';
export { runCommand } from './app/run-command';
export { IfMatchVersion } from './http/if-match';
export { uuidParam } from './http/uuid-param';
export { queryList } from './http/query-list';
export { attachment } from './http/attachment';
export { loadExcel } from './http/excel';
export { flattenValidationErrors, IsNestedObject, IsOmittable } from './http/validation';
export { IsCalendarDay, IsIsoDate, trim } from './http/iso-date';
export { IsDecimal } from './http/decimal';
export {
  type Downloadable,
  type DownloadLink,
  FileStore,
  type StoredFile,
  type UploadedBlob,
} from './storage/file-store';
export { FILE_STORAGE, type FileStorage } from './storage/file-storage';
export { ALLOWED_FILE_TYPES } from './storage/file-types';
export { STORAGE_ERRORS } from './storage/storage.errors';
export { AttachmentUpload, DownloadLinkView, FileUpload, StoredFileView } from './storage/upload';
export { type ScanVerdict, VIRUS_SCANNER, type VirusScanner } from './storage/virus-scanner';
