import { type ComponentType, lazy } from 'react';

/**
 * A page loaded when its route is first visited: each role's screens (and the parts of Ant Design
 * only they use) stay out of the bundle a visitor to the hall downloads.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
