import { isIP } from 'node:net';

/** The named ranges of Express's `trust proxy` (proxy-addr). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY as Express's `trust proxy` takes it: a hop count (`1`: believe the last
 * X-Forwarded-For entry, the one our proxy appended) or a comma list of addresses, CIDRs and named
 * ranges. Null when the value is neither; `true` (trust every hop) is refused on purpose.
 */
export function parseTrustProxy(value: string): number | string | null {
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrRange) ? entries.join(',') : null;
}
