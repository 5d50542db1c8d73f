/** Retries an assertion until it passes or the timeout ends; for effects that happen asynchronously. */
export async function eventually<T>(
  assertion: () => Promise<T> | T,
  { timeoutMs = 15_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
