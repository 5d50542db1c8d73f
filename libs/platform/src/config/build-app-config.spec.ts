import { describe, expect, it } from '@jest/globals';
import { buildAppConfig } from './build-app-config';
import { loadEnvironment } from './load-environment';

const servers = { databaseUrl: 'postgres://u:p@db/jiebang', meili: { url: 'http://meili:7700', apiKey: 'k' } };
const SECRET = 'a-jwt-secret-of-at-least-32-characters';

async function seedsDemo(variables: Record<string, string>): Promise<boolean> {
  const env = loadEnvironment({ JWT_SECRET: SECRET, ...variables });
  return (await buildAppConfig(env, { name: 'marketplace', defaultPort: 3000 }, servers, false)).demo.seedWhenEmpty;
}

describe('SEED_DEMO', () => {
  it('seeds the demo by default only in development', async () => {
    expect(await seedsDemo({})).toBe(true);
    expect(await seedsDemo({ NODE_ENV: 'production' })).toBe(false);
    expect(await seedsDemo({ NODE_ENV: 'test' })).toBe(false);
  });

  it('follows an explicit setting in any environment', async () => {
    expect(await seedsDemo({ SEED_DEMO: 'false' })).toBe(false);
    expect(await seedsDemo({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toBe(true);
    expect(() => loadEnvironment({ SEED_DEMO: 'auto' })).toThrow(/SEED_DEMO="auto"/);
  });
});

describe('TRUST_PROXY', () => {
  const trustProxy = async (value: string) =>
    (
      await buildAppConfig(
        loadEnvironment({ JWT_SECRET: SECRET, TRUST_PROXY: value }),
        { name: 'demand-service', defaultPort: 3001 },
        servers,
        false,
      )
    ).trustProxy;

  it('hands Express a hop count as a number (a string would be read as an address)', async () => {
    expect(await trustProxy('1')).toBe(1);
    expect(await trustProxy('loopback, 10.0.3.0/24')).toBe('loopback,10.0.3.0/24');
    expect(await trustProxy('')).toBe('loopback');
  });
});
