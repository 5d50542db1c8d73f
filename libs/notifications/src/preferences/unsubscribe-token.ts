import { createHmac, timingSafeEqual } from 'node:crypto';
import { ALERT_KINDS, type AlertKind } from './alert-kinds';

/**
 * One-click unsubscribe links: `<user id>.<alert kind>.<HMAC-SHA256>` signed with a key derived
 * from the token secret, so a link works without signing in, names one user's one alert kind,
 * and cannot be forged or altered. It never expires: an old email's link must still work.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('jiebang/unsubscribe/v1').digest();
  }

  sign(userId: string, kind: AlertKind): string {
    return `${userId}.${kind}.${this.mac(userId, kind)}`;
  }

  /** The user and alert kind a token stands for; null when it is malformed or not ours. */
  verify(token: string): { userId: string; kind: AlertKind } | null {
    const [userId, kind, mac, ...rest] = token.split('.');
    if (rest.length > 0 || !userId || !mac || !isAlertKind(kind)) return null;
    const expected = Buffer.from(this.mac(userId, kind));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
  }

  private mac(userId: string, kind: string): string {
    return createHmac('sha256', this.key).update(`${userId}.${kind}`).digest('base64url');
  }
}

function isAlertKind(value: string | undefined): value is AlertKind {
  return ALERT_KINDS.some((kind) => kind === value);
}
