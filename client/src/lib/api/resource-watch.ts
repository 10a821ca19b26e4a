// Resources a write was just sent to: they show as pending at once and are polled until the service's answer, read
// after the write, says they have settled (and, for writes whose effect shows without a transitional state, that it
// came). Kept outside React so a list and a detail page share it; one store per resource type.
import { useSyncExternalStore } from 'react';

export interface ResourceWatch<Resource> {
  /** When the write was sent: only answers read after it count. */
  since: number;
  /** The state the write leads to, when a settled answer is not enough to know it took effect. */
  done?: (resource: Resource) => boolean;
}

/** Past this, a watch ends whatever the service says: the row then shows what it is, without a spinner. */
export const longestWatch = 5 * 60_000;

export function createWatchStore<Resource>() {
  const watched = new Map<string, ResourceWatch<Resource>>();
  const listeners = new Set<() => void>();
  let snapshot: ReadonlyMap<string, ResourceWatch<Resource>> = new Map();

  function changed() {
    snapshot = new Map(watched);
    for (const listener of listeners) listener();
  }

  function subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Every watched id with its watch. */
  function useWatched(): ReadonlyMap<string, ResourceWatch<Resource>> {
    return useSyncExternalStore(subscribe, () => snapshot);
  }

  return {
    watch: (id: string, done?: ResourceWatch<Resource>['done']) => {
      watched.set(id, { since: Date.now(), done });
      changed();
    },
    unwatch: (id: string) => {
      if (watched.delete(id)) changed();
    },
    useWatched,
    useWatch: (id: string): ResourceWatch<Resource> | undefined => useWatched().get(id),
  };
}
