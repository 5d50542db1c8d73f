import { describe, expect, it } from '@jest/globals';
import { rateLimitKey } from './auth-rate-limit.middleware';

describe('rateLimitKey', () => {
  it('counts an IPv4 client by its address, also when it arrives IPv4-mapped', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 client by its /56, however it writes the address', () => {
    const key = rateLimitKey('2001:db8:abcd:12ff:1:2:3:4');
    expect(key).toBe('2001:db8:abcd:1200::/56');
    expect(rateLimitKey('2001:0db8:abcd:1234:ffff::1')).toBe(key);
    expect(rateLimitKey('2001:db8:abcd:1300::1')).not.toBe(key);
  });

  it('keeps anything else as it is', () => {
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
