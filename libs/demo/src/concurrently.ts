/** Independent calls in flight at once: enough to overlap database round trips, few enough for the pool. */
const CONCURRENCY = 4;

/** Runs `work` on every item, a few at a time; after a failure no further item starts. */
export async function concurrently<T>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        await work(items[index], index);
      } catch (error) {
        next = items.length;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
