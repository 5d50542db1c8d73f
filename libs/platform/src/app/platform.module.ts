import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_TOPOLOGY, type EventTopology } from '@jiebang/contracts';
import { AccountStatus } from '../auth/account-status';
import { AuthGuard } from '../auth/auth.guard';
import { TokenService } from '../auth/token.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PLATFORM_MIGRATIONS } from '../database/platform.migrations';
import { SnakeNamingStrategy } from '../database/snake-naming.strategy';
import { AfterCommit } from '../database/after-commit';
import { Clock } from '../database/clock';
import { Transactions } from '../database/transactions';
import { EVENT_TOPOLOGY_TOKEN, EventBus } from '../events/event-bus';
import { Inbox } from '../events/inbox';
import { AuthRateLimitMiddleware } from '../http/auth-rate-limit.middleware';
import { HealthController } from '../health/health.controller';
import { ReadinessChecks } from '../health/readiness-checks';
import { Metrics } from '../metrics/metrics';
import { MetricsController } from '../metrics/metrics.controller';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { MEILI_CLIENT, meiliClientProvider } from '../search/meili.provider';
import { FileStore } from '../storage/file-store';
import { fileStorageProvider, virusScannerProvider } from '../storage/storage.providers';
import { StorageRepository } from '../storage/storage.repository';
import { AttachmentUploadInterceptor } from '../storage/upload';
import type { ServiceDefinition } from './service-definition';

/** Infrastructure every service shares: config, database, events, auth, health, metrics. */
@Global()
@Module({})
export class PlatformModule {
  static forService(
    service: ServiceDefinition,
    config: AppConfig,
    options: { topology?: EventTopology } = {},
  ): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          namingStrategy: new SnakeNamingStrategy(),
          autoLoadEntities: true,
          synchronize: false,
          migrations: [...PLATFORM_MIGRATIONS, ...service.migrations],
          migrationsTableName: 'typeorm_migrations',
          extra: { max: 10, application_name: config.serviceName },
        }),
        // One key object for the process: given the secret as a string, jsonwebtoken would first try
        // (and fail) to parse it as a public key on every verification.
        JwtModule.register({ secret: createSecretKey(Buffer.from(config.jwt.secret)) }),
        TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_TOPOLOGY_TOKEN, useValue: options.topology ?? EVENT_TOPOLOGY },
        { provide: APP_GUARD, useClass: AuthGuard },
        meiliClientProvider,
        AccountStatus,
        TokenService,
        Clock,
        Transactions,
        AfterCommit,
        EventBus,
        Inbox,
        AuthRateLimitMiddleware,
        ReadinessChecks,
        Metrics,
        PlatformMetrics,
        fileStorageProvider,
        virusScannerProvider,
        StorageRepository,
        FileStore,
        AttachmentUploadInterceptor,
      ],
      exports: [
        ReadinessChecks,
        Metrics,
        AuthRateLimitMiddleware,
        APP_CONFIG,
        MEILI_CLIENT,
        AccountStatus,
        TokenService,
        Clock,
        Transactions,
        EventBus,
        Inbox,
        FileStore,
        AttachmentUploadInterceptor,
      ],
    };
  }
}
