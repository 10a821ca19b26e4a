import { describe, expect, it } from 'vitest';
import { mapBounded } from './bounded';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapBounded', () => {
  it('never runs more than the limit at once, keeps the order and reports every completion', async () => {
    let running = 0;
    let peak = 0;
    const progress: number[] = [];
    const results = await mapBounded(
      [1, 2, 3, 4, 5, 6, 7],
      3,
      async (n) => {
        running++;
        peak = Math.max(peak, running);
        await tick();
        running--;
        return n * 10;
      },
      { onSettled: ({ done }) => progress.push(done) },
    );
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps going when one task fails, giving its error in its place', async () => {
    const results = await mapBounded(['a', 'b', 'c'], 2, async (item) => {
      if (item === 'b') throw new Error('no quota for b');
      return item.toUpperCase();
    });
    expect(results[0]).toBe('A');
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toBe('no quota for b');
    expect(results[2]).toBe('C');
  });

  it('stops starting tasks once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = mapBounded([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n);
      if (n === 2) controller.abort();
      await tick();
      return n;
    }, { signal: controller.signal });
    await expect(run).rejects.toThrow();
    expect(started).toEqual([1, 2]);
  });

  it('answers an empty list at once', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});
