// Volumes a write was just sent to: they show as pending at once and are polled until Cinder's answer, read after
// the write, says they have settled (and, for writes whose effect shows without a transitional status, that it
// came). Kept outside React so the list and the detail page share it.
import { useSyncExternalStore } from 'react';
import type { Volume } from './types';

export interface VolumeWatch {
  /** When the write was sent: only answers read after it count. */
  since: number;
  /** The state the write leads to, when a settled answer is not enough to know it took effect. */
  done?: (volume: Volume) => boolean;
}

/** Past this, a watch ends whatever Cinder says: the row then shows what it is, without a spinner. */
export const longestVolumeWatch = 5 * 60_000;

const watched = new Map<string, VolumeWatch>();
const listeners = new Set<() => void>();
let snapshot: ReadonlyMap<string, VolumeWatch> = new Map();

function changed() {
  snapshot = new Map(watched);
  for (const listener of listeners) listener();
}

export function watchVolume(id: string, done?: VolumeWatch['done']) {
  watched.set(id, { since: Date.now(), done });
  changed();
}

export function unwatchVolume(id: string) {
  if (watched.delete(id)) changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every watched volume id with its watch. */
export function useWatchedVolumes(): ReadonlyMap<string, VolumeWatch> {
  return useSyncExternalStore(subscribe, () => snapshot);
}

export function useVolumeWatch(id: string): VolumeWatch | undefined {
  return useWatchedVolumes().get(id);
}
