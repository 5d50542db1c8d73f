import { rm } from 'node:fs/promises';
import { readTestServers } from './test-env';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __jiebangStop?: () => Promise<unknown> }).__jiebangStop?.();
  await rm(readTestServers().root, { recursive: true, force: true });
}
