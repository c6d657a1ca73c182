// The scheduler of a many-target run: at most `limit` targets at once, each started as a
// slot frees. With `stop` (fail-fast after a failure) no new target starts; those never
// started come back as undefined, for the report to call "not run".

/**
 * ### Examples
 * ```ts
 * const results = await runBounded(targets, 4, (target) => migrate(target), () => failed && failFast);
 * ```
 */
export async function runBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  stop: () => boolean = () => false,
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
