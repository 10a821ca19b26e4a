// What a volume's status says: whether Cinder is still working on it (so a page keeps polling it), and how its
// status reads (tone and label). Statuses from cinder/objects/fields.py VolumeStatus.
import type { ParseKeys } from 'i18next';
import type { StatusTone } from '../../lib/ui/status-dot';
import type { Volume, VolumeStatus } from './types';

/** Statuses Cinder leaves on its own once its work is done: a page polls a volume while it shows one. */
const transitional = new Set<string>([
  'creating',
  'attaching',
  'detaching',
  'deleting',
  'extending',
  'retyping',
  'uploading',
  'downloading',
  'backing-up',
  'restoring-backup',
  'reserved',
  'maintenance',
]);

export function isVolumeSettled(volume: Pick<Volume, 'status'>): boolean {
  return !transitional.has(volume.status);
}

/**
 * Whether polling a volume can stop: it has settled, the answer was read after the write (if one was sent), and
 * the write's expected effect shows (an error status ends the wait too: the volume's messages explain it).
 */
export function isVolumePollingDone(volume: Volume, readAt: number, watch: { since: number; done?: (volume: Volume) => boolean } | undefined): boolean {
  if (!isVolumeSettled(volume)) return false;
  if (!watch) return true;
  if (readAt <= watch.since) return false;
  return volume.status.startsWith('error') || (watch.done?.(volume) ?? true);
}

export function volumeStatusTone(status: string): StatusTone {
  if (status === 'available' || status === 'in-use') return 'ok';
  if (status.startsWith('error')) return 'error';
  return transitional.has(status) ? 'busy' : 'idle';
}

const known = new Set<string>([
  'creating', 'available', 'reserved', 'attaching', 'detaching', 'in-use', 'maintenance', 'deleting', 'awaiting-transfer',
  'error', 'error_deleting', 'backing-up', 'restoring-backup', 'error_backing-up', 'error_restoring', 'error_extending',
  'downloading', 'uploading', 'retyping', 'extending',
] satisfies VolumeStatus[]);

/** The i18n key of a status, with a fallback for statuses newer than this code. */
export function volumeStatusLabel(status: string): ParseKeys {
  return (known.has(status) ? `resources.volumes.status.${status}` : 'resources.volumes.status.unknown') as ParseKeys;
}

/** Cinder writes its times in UTC without a zone ("2026-12-07T02:51:09.000000"): read as UTC, not local time. */
export function cinderTime(value: string): string {
  return /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
}
