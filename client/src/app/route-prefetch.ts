// Pages' code fetched before it is needed, so that following a link shows the page in the next frame instead of
// waiting for its chunk: the side navigation's pages when the pointer or the focus reaches their link, and all of
// them, one at a time, while the browser is idle after the first page, unless the connection asks to save data.
// (react-router's <Link prefetch> does nothing outside its framework mode: the lazy routes are loaded here.)
import { createContext, useContext } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';

type Lazy = () => Promise<unknown>;
const loaded = new WeakMap<Lazy, Promise<unknown>>();

/**
 * Loads what every route matching `to` loads lazily (its page's chunk, its feature's catalog), once. A failure is
 * forgotten, for the navigation itself to meet and report.
 */
export async function prefetchRoute(routes: readonly RouteObject[], to: string): Promise<void> {
  const lazies = (matchRoutes([...routes], to) ?? []).flatMap(({ route }) => (typeof route.lazy === 'function' ? [route.lazy as Lazy] : []));
  await Promise.all(
    lazies.map((lazy) => {
      let load = loaded.get(lazy);
      if (!load) {
        load = lazy().catch(() => loaded.delete(lazy));
        loaded.set(lazy, load);
      }
      return load;
    }),
  );
}

interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

/** True when the user asked to save data (Save-Data) or the link is 2G: then nothing is fetched ahead on idle. */
export function savesData(connection: NetworkInformation | undefined): boolean {
  return connection?.saveData === true || ['slow-2g', '2g'].includes(connection?.effectiveType ?? '');
}

export interface IdleScheduler {
  /** Runs `callback` in the browser's next idle period; returns a cancel function. */
  whenIdle: (callback: () => void) => () => void;
  /** True while the app is still reading (the page's own data goes first). */
  busy: () => boolean;
}

/**
 * The browser's idle periods (requestIdleCallback), where it has them: not Safari, which then only prefetches on
 * hover and focus.
 */
export function browserIdle(busy: () => boolean): IdleScheduler | undefined {
  if (typeof requestIdleCallback !== 'function') return undefined;
  return {
    whenIdle: (callback) => {
      const handle = requestIdleCallback(callback);
      return () => cancelIdleCallback(handle);
    },
    busy,
  };
}

/**
 * Prefetches each path in turn, each started in an idle period once the previous one has loaded and nothing else is
 * being read: never all at once. Returns a function that stops what is not started yet.
 */
export function prefetchInTurn(paths: readonly string[], prefetch: (to: string) => Promise<void>, scheduler: IdleScheduler): () => void {
  let cancel = () => {};
  let stopped = false;
  const next = (index: number) => {
    if (stopped || index >= paths.length) return;
    cancel = scheduler.whenIdle(() => {
      if (scheduler.busy()) return next(index);
      void prefetch(paths[index]!).then(() => next(index + 1));
    });
  };
  next(0);
  return () => {
    stopped = true;
    cancel();
  };
}

/** The app's prefetch of a path (App provides it from its router's routes). */
export const RoutePrefetchContext = createContext<(to: string) => Promise<void>>(async () => {});

export const useRoutePrefetch = () => useContext(RoutePrefetchContext);
