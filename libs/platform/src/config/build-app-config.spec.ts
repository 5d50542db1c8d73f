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

describe('storage', () => {
  const storage = async (variables: Record<string, string>) =>
    (
      await buildAppConfig(
        loadEnvironment({ JWT_SECRET: SECRET, ...variables }),
        { name: 'marketplace', defaultPort: 3000 },
        servers,
        false,
      )
    ).storage;

  it('keeps files under DATA_DIR unless S3_URL names a store', async () => {
    expect(await storage({})).toEqual({
      s3: null,
      maxBytes: 20 * 1024 * 1024,
      linkTtlSeconds: 300,
      sweepCron: '*/15 * * * *',
    });
    expect(
      (
        await storage({
          S3_URL: 'http://minio:9000',
          S3_BUCKET: 'files',
          S3_ACCESS_KEY_ID: 'k',
          S3_SECRET_ACCESS_KEY: 's',
        })
      ).s3,
    ).toEqual({
      endpoint: 'http://minio:9000',
      bucket: 'files',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
    });
  });

  it('refuses an S3 store without a bucket, half a credential, or an odd size limit', () => {
    expect(() => loadEnvironment({ S3_URL: 'http://minio:9000' })).toThrow(/S3_BUCKET/);
    expect(() => loadEnvironment({ S3_URL: 'http://minio:9000', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'k' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadEnvironment({ ATTACHMENT_MAX_BYTES: '12' })).toThrow(/ATTACHMENT_MAX_BYTES/);
  });
});
