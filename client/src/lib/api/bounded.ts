// Many calls, a few at a time: admin views read one answer per project from each service, and a thousand
// projects must neither flood the cloud nor wait for each other one by one.

/**
 * Calls `task` for every item with at most `limit` calls under way, reporting each result as it comes; the results keep
 * the items' order. A task that throws does not stop the others: its result is the error.
 */
export async function mapBounded<Item, Result>(
  items: readonly Item[],
  limit: number,
  task: (item: Item, signal?: AbortSignal) => Promise<Result>,
  { onSettled, signal }: { onSettled?: (progress: { done: number; total: number; index: number; result: Result | Error }) => void; signal?: AbortSignal } = {},
): Promise<(Result | Error)[]> {
  const results = new Array<Result | Error>(items.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      try {
        results[index] = await task(items[index]!, signal);
      } catch (error) {
        results[index] = error instanceof Error ? error : new Error(String(error));
      }
      onSettled?.({ done: ++done, total: items.length, index, result: results[index] });
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  signal?.throwIfAborted();
  return results;
}
