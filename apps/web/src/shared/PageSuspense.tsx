import { type ReactNode, Suspense } from 'react';
import { Loading } from './QueryState';

/** Shows the loading state while a lazily loaded page (see lazyPage) arrives. */
export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}
