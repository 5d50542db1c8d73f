import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import type { EventTopology } from '@jiebang/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { runMigrations } from '../database/migrations';
import { parseJsonBody } from '../http/hostile-input';
import { ProblemFilter, rawProblemResponse, sendProblem } from '../http/problem.filter';
import { createValidationPipe } from '../http/validation';
import { PinoNestLogger, requestLogContext } from '../logging/logger';
import { Metrics } from '../metrics/metrics';
import { PlatformModule } from './platform.module';
import type { ServiceDefinition } from './service-definition';

@Module({})
class ServiceRootModule {}

const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** Node's default, which express kept. */
const REQUEST_TIMEOUT_MS = 300_000;

type HeaderMap = Record<string, string | undefined>;
/** Node's request as middie hands it to middleware, with Fastify's id and (after pino-http) its logger. */
type MiddlewareRequest = IncomingMessage & { id: string; log: Logger };

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** Fastify, set up to answer like the HTTP conventions the API documents. */
function createAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    // A count of hops, or the proxies' addresses, as Express's `trust proxy` took them.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // Node's own limit on a whole request (Fastify turns it off): a trickled body cannot hold a socket.
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Requests on a kept-alive connection are still served while the app drains, as express did;
    // Fastify's default answers them with its own 503 body, which is not problem+json.
    return503OnClosing: false,
    // Reuse a well-formed id from the proxy, otherwise mint one; the first middleware echoes it.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // The router's own refusals (a URL that is not valid percent-encoding) before Nest sees them.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(error, request, reply),
    // Node answers a request it cannot parse (headers or URL over its limit) with an empty body.
    clientErrorHandler: (error, socket) => {
      if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
      socket.end(rawProblemResponse(error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400));
    },
  });
}

/**
 * Request bodies: JSON (also `application/*+json`) through the depth guard, multipart left
 * unread for the upload interceptor, and every other type refused with 415.
 */
function configureBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  for (const type of ['application/json', /^application\/[\w.-]+\+json(\s*;|$)/]) {
    fastify.addContentTypeParser<Buffer>(type, { parseAs: 'buffer' }, (request, body, done) => {
      try {
        done(null, parseJsonBody(request.headers['content-type'] ?? '', body));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
  }
  fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
}

function configureHttp(app: NestFastifyApplication, config: AppConfig, logger: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(Metrics);
  fastify.addHook('onRequest', (request, _reply, done) => {
    // The HTTP instrumentation names its server span by the route it finds here, as the express
    // instrumentation used to set it.
    const rpc = getRPCMetadata(context.active());
    const template = routeTemplate(request);
    if (rpc?.type === RPCType.HTTP && template !== undefined) rpc.route = template;
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(
      request.method,
      request.url,
      routeTemplate(request),
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
  configureBodies(fastify);
  // First, so every answer carries the id, a middleware's refusal included. middie hands Node's
  // request Fastify's logger, a no-op (Fastify runs without one; pino-http writes the request
  // lines), and pino-http installs its own child only where no logger is set: clear it.
  app.use((req: MiddlewareRequest, res: ServerResponse, next: () => void) => {
    res.setHeader('X-Request-Id', req.id);
    delete (req as { log?: unknown }).log;
    next();
  });
  app.use(
    pinoHttp({
      logger,
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
  app.use((req: MiddlewareRequest, _res: ServerResponse, next: () => void) => requestLogContext.run(req.log, next));
  // No upgrade-insecure-requests: installations on a plain-HTTP intranet address must still load the app.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    // A response for one user must never be served to another from a shared cache.
    if (req.headers.authorization) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());

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
/** The web app's catch-all route (below): everything no API route matched. */
const WEB_APP_ROUTE = '/*';

/** The API route template a request matched (`/api/v1/demands/:id`), or undefined for none or the web app. */
function routeTemplate(request: FastifyRequest): string | undefined {
  const template = request.routeOptions.url;
  return template === WEB_APP_ROUTE ? undefined : template;
}
/** What express's `req.accepts('html')` admitted: no Accept header, or one naming HTML or a wildcard. */
const ACCEPTS_HTML = /(^|,)\s*(text\/html|text\/\*|\*\/\*)\s*(;|,|$)/i;

/**
 * The single-page app: hashed assets cached for a year, and every other GET that asks for HTML
 * answered with index.html so deep links (/hall?industry=…) survive a reload. Each file goes out
 * precompressed by the build (.br, else .gz) to a browser that accepts it.
 */
function serveWeb(app: NestFastifyApplication, dir: string, logger: Logger): void {
  if (!existsSync(path.join(dir, 'index.html'))) {
    logger.warn(`no web app in ${dir}; run npm run build to serve it at /`);
    return;
  }
  const fastify = app.getHttpAdapter().getInstance();
  void fastify.register(fastifyStatic, {
    root: dir,
    serve: false,
    preCompressed: true,
    index: false,
    cacheControl: false,
  });
  // Top-level files (favicon …), listed once: never a stat per request.
  const files = new Set(
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name),
  );
  // Any route Nest does not own lands here; an API path falls through to Nest's 404 problem.
  fastify.get(WEB_APP_ROUTE, (request: FastifyRequest, reply: FastifyReply) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(request.url.split('?')[0]);
    } catch {
      return reply.callNotFound();
    }
    if (API_PATH.test(pathname)) return reply.callNotFound();
    if (pathname.startsWith('/assets/')) {
      return reply.header('Cache-Control', 'public, max-age=31536000, immutable').sendFile(pathname.slice(1));
    }
    const name = pathname.slice(1);
    if (files.has(name) && name !== 'index.html') {
      return reply.header('Cache-Control', 'public, max-age=3600').sendFile(name);
    }
    const accept = request.headers.accept;
    if (accept !== undefined && !ACCEPTS_HTML.test(accept)) return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
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
  const app = await NestFactory.create<NestFastifyApplication>(root, createAdapter(config), {
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
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
