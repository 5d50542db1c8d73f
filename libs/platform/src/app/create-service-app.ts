import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { EventTopology } from '@jiebang/contracts';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import expressStaticGzip from 'express-static-gzip';
import type { ServeStaticOptions } from 'serve-static';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { runMigrations } from '../database/migrations';
import { jsonDepthGuard } from '../http/hostile-input';
import { ProblemFilter, rawProblemResponse } from '../http/problem.filter';
import { createValidationPipe } from '../http/validation';
import { PinoNestLogger, requestLogContext } from '../logging/logger';
import { Metrics } from '../metrics/metrics';
import { PlatformModule } from './platform.module';
import type { ServiceDefinition } from './service-definition';

@Module({})
class ServiceRootModule {}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

type HeaderMap = Record<string, string | undefined>;

function configureHttp(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  const metrics = app.get(Metrics);
  app.use((req: Request, res: Response, next: () => void) => {
    const started = process.hrtime.bigint();
    // On finish Express has matched the route (req.route), so the template is known.
    res.once('finish', () =>
      metrics.observeRequest(req, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9),
    );
    next();
  });
  app.use(
    pinoHttp({
      logger,
      // Reuse a well-formed id from the proxy, otherwise mint one; always echo it.
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // One short line per request: what an operator searches by, never the headers (a line
      // carried every security header of the response, 1.4 KB, five times what it says).
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress: string; headers: HeaderMap }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
          userAgent: req.headers['user-agent'],
        }),
        res: (res: { statusCode: number; headers: HeaderMap }) => ({
          statusCode: res.statusCode,
          contentLength: res.headers['content-length'],
        }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    }),
  );
  app.use((req: Request, _res: Response, next: () => void) => requestLogContext.run(req.log, next));
  // No upgrade-insecure-requests: installations on a plain-HTTP intranet address must still load the app.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use((req: Request, res: Response, next: () => void) => {
    // A response for one user must never be served to another from a shared cache.
    if (req.headers.authorization) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Nest's types hide `verify` (it uses it for rawBody, which we do not enable); express passes it on.
  app.useBodyParser('json', {
    limit: config.bodyLimitBytes,
    type: ['application/json', 'application/*+json'],
    verify: jsonDepthGuard(),
  } as NestExpressBodyParserOptionsFor<'json'>);
  app.useBodyParser('urlencoded', { limit: config.bodyLimitBytes, extended: false });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  // Node answers a request it cannot parse (headers or URL over its limit) with an empty body.
  app.getHttpServer().on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    socket.end(rawProblemResponse(error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400));
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`揭榜 Jiebang — ${config.serviceName}`)
      .setDescription('The 揭榜挂帅 technology-demand marketplace API. Errors are application/problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

const API_PATH = /^\/(api|health|metrics)(\/|$)/;

/**
 * The single-page app: hashed assets cached for a year, and every other GET that asks for HTML
 * answered with index.html so deep links (/hall?industry=…) survive a reload. Each file goes out
 * precompressed by the build (.br, else .gz) to a browser that accepts it.
 */
function serveWeb(app: NestExpressApplication, dir: string, logger: Logger): void {
  if (!existsSync(path.join(dir, 'index.html'))) {
    logger.warn(`no web app in ${dir}; run npm run build to serve it at /`);
    return;
  }
  const precompressed = (root: string, options: ServeStaticOptions) =>
    expressStaticGzip(root, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: options,
    });
  app.use('/assets', precompressed(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  // Top-level files (favicon …), never looked for on disk for an API request: a stat per request.
  const files = precompressed(dir, { maxAge: '1h' });
  const index = precompressed(dir, { cacheControl: false });
  app.use((req: Request, res: Response, next: () => void) => {
    if (API_PATH.test(req.path)) next();
    else files(req, res, next);
  });
  app.use((req: Request, res: Response, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path) || !req.accepts('html'))
      return next();
    res.setHeader('Cache-Control', 'no-cache');
    req.url = '/index.html';
    index(req, res, next);
  });
}

export interface CreateServiceAppOptions {
  logger: Logger;
  /** Tests route their own events; services use the topology in contracts. */
  topology?: EventTopology;
}

/** Builds a service (composition + HTTP conventions), runs its migrations, initialises it. */
export async function createServiceApp(
  service: ServiceDefinition,
  config: AppConfig,
  options: CreateServiceAppOptions,
): Promise<INestApplication> {
  const root = {
    module: ServiceRootModule,
    imports: [PlatformModule.forService(service, config, { topology: options.topology }), ...service.contexts],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    logger: new PinoNestLogger(options.logger),
    bodyParser: false,
    abortOnError: false,
  });
  configureHttp(app, config, options.logger);
  if (service.servesWeb) serveWeb(app, config.web.dir, options.logger);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (config.applyMigrationsAtStart) {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) options.logger.info({ migrations: applied }, `applied ${applied.length} migration(s)`);
  } else if (await dataSource.showMigrations()) {
    throw new Error('the database has pending migrations: run `node dist/apps/marketplace/src/cli.js migrate` first');
  }
  await app.init();
  return app;
}
