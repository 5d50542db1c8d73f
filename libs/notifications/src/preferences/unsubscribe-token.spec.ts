import { describe, expect, it } from '@jest/globals';
import { UnsubscribeTokens } from './unsubscribe-token';

const user = '7a1c1f0e-2b7d-4b8e-9a41-8f7a2d7c9e10';

describe('unsubscribe tokens', () => {
  const tokens = new UnsubscribeTokens('a-secret-that-is-long-enough-for-hs256!!');

  it('names the user and the alert kind it was signed for', () => {
    expect(tokens.verify(tokens.sign(user, 'deadline_reminder'))).toEqual({ userId: user, kind: 'deadline_reminder' });
  });

  it('refuses a token altered, signed with another secret, or malformed', () => {
    const token = tokens.sign(user, 'need_matched');
    expect(tokens.verify(token.replace('need_matched', 'followed_status'))).toBeNull();
    expect(tokens.verify(token.replace(user, user.replace('7a', '7b')))).toBeNull();
    expect(new UnsubscribeTokens('another-secret-that-is-long-enough-!!!!').verify(token)).toBeNull();
    expect(tokens.verify(`${token}.x`)).toBeNull();
    expect(tokens.verify('')).toBeNull();
    expect(tokens.verify(`${user}.everything.${token.split('.')[2]}`)).toBeNull();
  });
});
