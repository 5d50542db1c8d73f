import { describe, expect, it } from '@jest/globals';
import { hashPassword, verifyPassword } from './password-hasher';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hasher', () => {
  it('verifies the password it hashed and rejects another', async () => {
    const hash = await hashPassword('揭榜挂帅-correct horse', FAST);
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    await expect(verifyPassword('揭榜挂帅-correct horse', hash)).resolves.toBe(true);
    await expect(verifyPassword('揭榜挂帅-wrong horse', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password', FAST), hashPassword('same-password', FAST)]);
    expect(a).not.toEqual(b);
  });

  it('rejects malformed stored hashes instead of throwing', async () => {
    await expect(verifyPassword('x', 'bcrypt$whatever')).resolves.toBe(false);
    await expect(verifyPassword('x', '')).resolves.toBe(false);
  });
});
