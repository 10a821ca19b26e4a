// Many independent calls (CLI commands at ~1.4 s each, API records) made a few at a time instead of one by one.

/** Runs `task` over `items`, at most `limit` at once; rejects with the first failure once all have settled. */
export async function atMost<T>(limit: number, items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
