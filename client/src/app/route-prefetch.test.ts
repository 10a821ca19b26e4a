import type { RouteObject } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { prefetchInTurn, prefetchRoute, savesData, type IdleScheduler } from './route-prefetch';

const page = () => vi.fn(async () => ({}));

describe('prefetchRoute', () => {
  it("loads every lazy route the path matches, the shell's and the page's, once", async () => {
    const shell = page();
    const images = page();
    const volumes = page();
    const routes: RouteObject[] = [{ lazy: shell, children: [{ path: 'images', lazy: images }, { path: 'volumes', lazy: volumes }] }];
    await prefetchRoute(routes, '/images');
    await prefetchRoute(routes, '/images');
    expect(shell).toHaveBeenCalledTimes(1);
    expect(images).toHaveBeenCalledTimes(1);
    expect(volumes).not.toHaveBeenCalled();
  });

  it('loads nothing for a path no route matches', async () => {
    const images = page();
    await prefetchRoute([{ path: 'images', lazy: images }], '/nowhere');
    expect(images).not.toHaveBeenCalled();
  });

  it('forgets a load that failed (the network), so the next prefetch or the navigation tries again', async () => {
    const images = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue({});
    const routes: RouteObject[] = [{ path: 'images', lazy: images }];
    await expect(prefetchRoute(routes, '/images')).resolves.toBeUndefined();
    await prefetchRoute(routes, '/images');
    expect(images).toHaveBeenCalledTimes(2);
  });
});

describe('savesData', () => {
  it('is true when the user asks to save data or the link is 2G', () => {
    expect(savesData({ saveData: true, effectiveType: '4g' })).toBe(true);
    expect(savesData({ effectiveType: '2g' })).toBe(true);
    expect(savesData({ effectiveType: 'slow-2g' })).toBe(true);
  });

  it('is false on a 3G or faster link, or where the browser does not say', () => {
    expect(savesData({ saveData: false, effectiveType: '3g' })).toBe(false);
    expect(savesData({ effectiveType: '4g' })).toBe(false);
    expect(savesData(undefined)).toBe(false);
  });
});

/** Idle periods run by hand: `idle()` runs the callback waiting for the next one. */
function manualIdle(busy = () => false) {
  const waiting: (() => void)[] = [];
  const scheduler: IdleScheduler = {
    whenIdle: (callback) => {
      waiting.push(callback);
      return () => waiting.splice(waiting.indexOf(callback), 1);
    },
    busy,
  };
  const idle = async () => {
    waiting.shift()?.();
    // Lets the prefetch that just started settle and schedule the next one.
    await new Promise((resolve) => setTimeout(resolve));
  };
  return { scheduler, idle, waiting };
}

describe('prefetchInTurn', () => {
  it('prefetches one path per idle period, in order, each after the previous one loaded', async () => {
    const { scheduler, idle } = manualIdle();
    const prefetched: string[] = [];
    prefetchInTurn(['/', '/instances', '/images'], async (to) => void prefetched.push(to), scheduler);
    expect(prefetched).toEqual([]);
    await idle();
    expect(prefetched).toEqual(['/']);
    await idle();
    await idle();
    expect(prefetched).toEqual(['/', '/instances', '/images']);
  });

  it('waits while the app is still reading', async () => {
    let reading = true;
    const { scheduler, idle } = manualIdle(() => reading);
    const prefetch = vi.fn(async () => {});
    prefetchInTurn(['/instances'], prefetch, scheduler);
    await idle();
    await idle();
    expect(prefetch).not.toHaveBeenCalled();
    reading = false;
    await idle();
    expect(prefetch).toHaveBeenCalledWith('/instances');
  });

  it('starts nothing more once stopped', async () => {
    const { scheduler, idle, waiting } = manualIdle();
    const prefetch = vi.fn(async () => {});
    const stop = prefetchInTurn(['/instances', '/images'], prefetch, scheduler);
    await idle();
    stop();
    expect(waiting).toEqual([]);
    await idle();
    expect(prefetch.mock.calls).toEqual([['/instances']]);
  });
});
