import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { drafted } from '../harness/demand-factories';
import { type Account, aRegistration, registered, signedIn } from '../harness/factories';
import { bidOn, openNeed } from '../harness/matching-factories';
import { startTestService, type TestService } from '../harness/test-app';

/** Sends a raw request over a socket, so that nothing client-side trims what the server sees. */
function rawRequest(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }),
      );
    });
    request.on('error', reject);
  });
}

describe('edge guards: hostile input is a 4xx problem, never a 500', () => {
  let service: TestService;
  let port: number;
  let admin: Account;
  let owner: Account;
  let team: Account;

  beforeAll(async () => {
    // The production default, so that the 800 KB body reaches the JSON parser.
    service = await startTestService(marketplace, { config: { bodyLimitBytes: 1024 * 1024 } });
    await service.app.listen(0, '127.0.0.1');
    port = (service.app.getHttpServer().address() as AddressInfo).port;
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    owner = await registered(service.http, { role: 'enterprise' });
    team = await registered(service.http, { role: 'team' });
  });

  afterAll(() => service.close());

  it('refuses deeply nested JSON in one pass over the raw bytes, even anonymously', async () => {
    const body = `${'['.repeat(400_000)}${']'.repeat(400_000)}`;
    const response = await service.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(body)
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP' });
    // Nesting inside strings is text, not depth.
    await service.http
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.cn', password: '['.repeat(100) })
      .expect(401);
  });

  it('refuses NUL characters in bodies, queries and nested fields with a field error', async () => {
    const registration = aRegistration();
    const response = await service.http
      .post('/api/v1/auth/register')
      .send({ ...registration, organisation: { ...registration.organisation, name: 'a\u0000b' } })
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'organisation.name', code: 'noNulCharacters', message: expect.any(String) }],
    });
    await service.http.post('/api/v1/auth/login').send({ email: registration.email, password: 'x' }).expect(401);

    const query = await service.http.get('/api/v1/organisations?q=%00').set(admin.bearer).expect(400);
    expect(query.body.errors).toEqual([expect.objectContaining({ field: 'q', code: 'noNulCharacters' })]);

    const need = await drafted(service.http, owner);
    const indicators = await service.http
      .patch(`/api/v1/demands/${need.id}`)
      .set(owner.bearer)
      .set('If-Match', String(need.version))
      .send({ indicators: [{ name: '磁能积', target: '≥50\u0000', unit: 'MGOe' }] });
    expect(indicators.status).toBe(400);
    expect(indicators.body.errors).toEqual([expect.objectContaining({ field: 'indicators[0].target' })]);
  });

  it('validates null and arrays where a value or an object is required', async () => {
    const organisation = await service.http
      .post('/api/v1/auth/register')
      .send({ ...aRegistration(), organisation: [] })
      .expect(400);
    expect(organisation.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'organisation', code: 'isObject' })]),
    );

    const need = await openNeed(service.http, owner, admin);
    const bid = await bidOn(service.http, team, need.id);
    const score = await service.http
      .put(`/api/v1/bids/${bid.id}/score`)
      .set(owner.bearer)
      .send({ feasibility: 70, capability: 80, cost: 80, timeline: 90, comment: null })
      .expect(400);
    expect(score.body.errors.map((error: { field: string }) => error.field)).toContain('comment');
    expect(new Set(score.body.errors.map((error: { field: string }) => error.field))).toEqual(new Set(['comment']));
    await service.http
      .put(`/api/v1/bids/${bid.id}/score`)
      .set(owner.bearer)
      .send({ feasibility: 70, capability: 80, cost: 80, timeline: 90 })
      .expect(200);
  });

  it('answers oversized headers and URLs with a 431 problem, not an empty body', async () => {
    for (const attempt of [
      rawRequest(port, `/api/v1/search/demands?q=${'x'.repeat(20_000)}`),
      rawRequest(port, '/health/live', { 'X-Padding': 'y'.repeat(20_000) }),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(431);
      expect(response.type).toBe('application/problem+json');
      expect(JSON.parse(response.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    }
    // The server still answers afterwards.
    expect((await rawRequest(port, '/health/live')).status).toBe(200);
  });

  it('marks authenticated responses as not storable, and leaves public ones cacheable', async () => {
    const me = await service.http.get('/api/v1/auth/me').set(team.bearer).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const publicSearch = await service.http.get('/api/v1/search/demands').expect(200);
    expect(publicSearch.headers['cache-control']).not.toBe('no-store');
  });
});
