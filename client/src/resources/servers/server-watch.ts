// Servers an action was just sent to: they show as pending at once and are polled until Nova's answer, read after
// the action, says they have settled (and, for actions whose effect comes later, that it came). Kept outside React
// so the list and the detail page share it.
import { useSyncExternalStore } from 'react';
import type { Server } from './types';

export interface Watch {
  /** When the action was sent: only answers read after it count. */
  since: number;
  /** The state the action leads to, when a settled answer is not enough to know it took effect. */
  done?: (server: Server) => boolean;
}

/** Past this, a watch ends whatever Nova says: the row then shows what it is, without a spinner. */
export const longestWatch = 5 * 60_000;

const watched = new Map<string, Watch>();
const listeners = new Set<() => void>();
let snapshot: ReadonlyMap<string, Watch> = new Map();

function changed() {
  snapshot = new Map(watched);
  for (const listener of listeners) listener();
}

export function watchServer(id: string, done?: Watch['done']) {
  watched.set(id, { since: Date.now(), done });
  changed();
}

export function unwatchServer(id: string) {
  if (watched.delete(id)) changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every watched server id with its watch. */
export function useWatchedServers(): ReadonlyMap<string, Watch> {
  return useSyncExternalStore(subscribe, () => snapshot);
}

export function useWatch(id: string): Watch | undefined {
  return useWatchedServers().get(id);
}
