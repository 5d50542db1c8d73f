import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadEnvironment } from './load-environment';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadEnvironment', () => {
  it('applies defaults to an empty environment (embedded development)', () => {
    const env = loadEnvironment({});
    expect(env.NODE_ENV).toBe('development');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe('.data');
    expect(env.JWT_ACCESS_TTL_SECONDS).toBe(900);
  });

  it('converts numbers and ignores variables it does not know', () => {
    const env = loadEnvironment({ PORT: '8080', HOME: '/root', BODY_LIMIT_BYTES: '2048' });
    expect(env.PORT).toBe(8080);
    expect(env.BODY_LIMIT_BYTES).toBe(2048);
  });

  it('names the variable that is wrong', () => {
    expect(problemsOf({ PORT: '99999' })).toEqual([expect.stringMatching(/^PORT="99999": .*65535/)]);
    expect(problemsOf({ PORT: 'abc' })).toEqual([expect.stringMatching(/^PORT="abc"/)]);
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([expect.stringMatching(/^DATABASE_URL=/)]);
    expect(problemsOf({ LOG_LEVEL: 'loud' })).toEqual([expect.stringMatching(/^LOG_LEVEL="loud"/)]);
    expect(problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual([
      expect.stringMatching(/^OTEL_EXPORTER_OTLP_ENDPOINT=/),
    ]);
    expect(problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' })).toEqual([]);
  });

  it('requires what production and external servers need, without echoing secrets', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^JWT_SECRET=/)]);
    const meili = problemsOf({ MEILI_URL: 'http://search:7700', MEILI_MASTER_KEY: 'short' });
    expect(meili).toEqual([expect.stringMatching(/^MEILI_MASTER_KEY=\(hidden\)/)]);
    expect(problemsOf({ ADMIN_EMAIL: 'admin@example.cn' })).toEqual([expect.stringMatching(/^ADMIN_PASSWORD=/)]);
  });

  it('takes TRUST_PROXY as a hop count or exact addresses, CIDRs and named ranges, nothing looser', () => {
    for (const value of ['1', 'loopback', '10.0.3.7', '10.0.3.0/24, fd00::/8', 'loopback,uniquelocal'])
      expect(problemsOf({ TRUST_PROXY: value })).toEqual([]);
    for (const value of ['true', 'everyone', '10.0.3.0/33', '10.0.3', '-1', '1,2', 'loopback,'])
      expect(problemsOf({ TRUST_PROXY: value })).toEqual([expect.stringMatching(/^TRUST_PROXY=.*hop count/)]);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ PORT: '0', LOG_FORMAT: 'xml', EVENT_RETRY_LIMIT: '-1' })).toHaveLength(3);
  });
});
