import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { aRegistration, registered, signedIn } from '../harness/factories';
import { startTestService, type TestService } from '../harness/test-app';

describe('HTTP conventions', () => {
  let service: TestService;
  const logs: string[] = [];

  beforeAll(async () => {
    service = await startTestService(marketplace, { logs });
  });

  afterAll(() => service.close());

  it('serves the web app precompressed as the browser accepts, deep links as index.html, no HTML for a lost asset', async () => {
    const web = service.config.web.dir;
    const script = /src="\/assets\/([^"]+\.js)"/.exec(await readFile(path.join(web, 'index.html'), 'utf8'))![1];
    const sizeOf = async (suffix: string) => String((await stat(path.join(web, 'assets', script + suffix))).size);
    const asset = (encoding: string) =>
      service.http
        .get(`/assets/${script}`)
        .set('accept-encoding', encoding)
        // The raw bytes, as sent: the client must not decode them.
        .buffer(true)
        .parse((response, done) => {
          response.on('data', () => undefined);
          response.on('end', () => done(null, null));
        })
        .expect(200)
        .expect('vary', /Accept-Encoding/i)
        .expect('cache-control', /immutable/);

    const brotli = await asset('gzip, deflate, br');
    expect([brotli.headers['content-encoding'], brotli.headers['content-length']]).toEqual(['br', await sizeOf('.br')]);
    const gzip = await asset('gzip');
    expect([gzip.headers['content-encoding'], gzip.headers['content-length']]).toEqual(['gzip', await sizeOf('.gz')]);
    const plain = await asset('identity');
    expect([plain.headers['content-encoding'], plain.headers['content-length']]).toEqual([undefined, await sizeOf('')]);

    const page = await service.http
      .get('/hall?industry=新材料')
      .set('accept', 'text/html')
      .expect(200)
      .expect('content-type', /text\/html/)
      .expect('cache-control', 'no-cache');
    expect(page.text).toContain('<div id="root">');
    await service.http.get('/assets/missing-0000.js').expect(404);
  });

  it('answers a bad body with problem+json naming each field', async () => {
    const response = await service.http
      .post('/api/v1/auth/register')
      .send({ ...aRegistration(), email: 'not-an-email', password: 'short' })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: expect.stringContaining('validation-failed'),
      title: 'Bad Request',
      status: 400,
      code: 'VALIDATION_FAILED',
      instance: '/api/v1/auth/register',
    });
    const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'password']);
  });

  it('refuses unknown fields, including nested ones, without writing anything', async () => {
    const registration = aRegistration();
    const response = await service.http
      .post('/api/v1/auth/register')
      .send({ ...registration, isAdmin: true, organisation: { ...registration.organisation, verified: true } })
      .expect(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'isAdmin', message: 'isAdmin is not an accepted field' }),
        expect.objectContaining({ field: 'organisation.verified' }),
      ]),
    );
    await service.http
      .post('/api/v1/auth/login')
      .send({ email: registration.email, password: registration.password })
      .expect(401);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await service.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
  });

  it('answers an oversized body with 413 problem+json', async () => {
    const response = await service.http
      .post('/api/v1/auth/register')
      .send({ ...aRegistration(), displayName: 'x'.repeat(service.config.bodyLimitBytes + 1) })
      .expect(413)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await service.http.get('/api/v1/nowhere').expect(404);
    expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('echoes a request id, minting one when the client sends none', async () => {
    const minted = await service.http.get('/health/live').expect(200);
    expect(minted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await service.http.get('/health/live').set('X-Request-Id', 'trace-abc.123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('trace-abc.123');
    const refused = await service.http.get('/health/live').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(refused.headers['x-request-id']).not.toBe('bad id with spaces');
    const problem = await service.http.get('/api/v1/auth/me').set('X-Request-Id', 'trace-401').expect(401);
    expect(problem.body.requestId).toBe('trace-401');
  });

  it('logs one short line per request, without its headers or credentials', async () => {
    await service.http
      .get('/api/v1/auth/me')
      .set('X-Request-Id', 'trace-log-1')
      .set('Authorization', 'Bearer not-a-real-token-5c1e')
      .set('Cookie', 'session=cookie-value-7a2f')
      .set('User-Agent', 'jiebang-test/1.0')
      .expect(401);
    const line = logs
      .map((text) => JSON.parse(text) as { msg: string; req?: { id: string }; res?: object })
      .find((entry) => entry.msg === 'request completed' && entry.req?.id === 'trace-log-1');
    expect(line).toMatchObject({
      req: { id: 'trace-log-1', method: 'GET', url: '/api/v1/auth/me', userAgent: 'jiebang-test/1.0' },
      res: { statusCode: 401 },
      responseTime: expect.any(Number),
    });
    expect(Object.keys(line!.req!).sort()).toEqual(['id', 'method', 'remoteAddress', 'url', 'userAgent']);
    expect(Object.keys(line!.res!).sort()).toEqual(['contentLength', 'statusCode']);
    expect(logs.join('\n')).not.toMatch(/not-a-real-token-5c1e|cookie-value-7a2f/);
  });

  it('ties what a request logs to its request id', async () => {
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    const admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    const account = await registered(service.http);
    await service.http
      .post(`/api/v1/users/${account.id}/deactivate`)
      .set(admin.bearer)
      .set('X-Request-Id', 'trace-log-2')
      .expect(200);
    const line = logs
      .map((text) => JSON.parse(text) as { msg: string; req?: { id: string } })
      .find((entry) => entry.msg.includes(`deactivated account ${account.id}`));
    expect(line?.req?.id).toBe('trace-log-2');
  });

  it('answers a URL that is not valid percent-encoding with a 400 problem carrying the request id', async () => {
    const response = await service.http.get('/api/v1/demands/%zz').set('X-Request-Id', 'trace-bad-url').expect(400);
    expect(response.headers['x-request-id']).toBe('trace-bad-url');
    expect(response.body).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST', requestId: 'trace-bad-url' });
  });

  it('sets security headers', async () => {
    const response = await service.http.get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('reports readiness of PostgreSQL and Meilisearch', async () => {
    const response = await service.http.get('/health/ready').expect(200);
    expect(response.body.info).toMatchObject({ postgres: { status: 'up' }, meilisearch: { status: 'up' } });
  });

  it('describes every route and its DTOs in OpenAPI', async () => {
    await service.http.get('/api/docs').expect(200).expect('content-type', /html/);
    const document = (await service.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.map((o) => o.route)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/register',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/refresh',
        'GET /api/v1/auth/me',
        'GET /health/ready',
      ]),
    );
    for (const { route, operation } of operations) {
      expect({ route, summary: operation.summary }).toEqual({ route, summary: expect.any(String) });
    }
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['RegisterDto', 'LoginDto', 'TokenResponse', 'MeView', 'NewOrganisationDto']),
    );
  });
});
