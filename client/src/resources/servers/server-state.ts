// When a server has finished changing: what the list and the detail page poll for after an action.
import type { ParseKeys } from 'i18next';
import type { Server, ServerStatus } from './types';

/** Statuses Nova reports while it is still working on the server, even between two task states. */
const transitionalStatuses = new Set<ServerStatus>([
  'BUILD',
  'REBOOT',
  'HARD_REBOOT',
  'REBUILD',
  'RESIZE',
  'REVERT_RESIZE',
  'MIGRATING',
  'PASSWORD',
]);

/** Settled: no task running and a status Nova will keep until someone acts (ERROR and VERIFY_RESIZE included). */
export function isSettled(server: Pick<Server, 'status' | 'OS-EXT-STS:task_state'>): boolean {
  return server['OS-EXT-STS:task_state'] === null && !transitionalStatuses.has(server.status);
}

/**
 * Whether polling a server can stop: it has settled, the answer was read after the action (if one was sent), and
 * the action's expected effect shows (an ERROR ends the wait too: its fault is shown).
 */
export function isPollingDone(
  server: Server,
  readAt: number,
  watch: { since: number; done?: (server: Server) => boolean } | undefined,
): boolean {
  if (!isSettled(server)) return false;
  if (!watch) return true;
  if (readAt <= watch.since) return false;
  return server.status === 'ERROR' || (watch.done?.(server) ?? true);
}

/** The i18n key of a status, with a fallback for statuses newer than this code. */
export function statusLabel(status: string): ParseKeys {
  return (knownStatuses.has(status as ServerStatus) ? `resources.servers.status.${status}` : 'resources.servers.status.UNKNOWN') as ParseKeys;
}

const knownStatuses = new Set<ServerStatus>([
  'ACTIVE',
  'BUILD',
  'DELETED',
  'ERROR',
  'HARD_REBOOT',
  'MIGRATING',
  'PASSWORD',
  'PAUSED',
  'REBOOT',
  'REBUILD',
  'RESCUE',
  'RESIZE',
  'REVERT_RESIZE',
  'SHELVED',
  'SHELVED_OFFLOADED',
  'SHUTOFF',
  'SOFT_DELETED',
  'SUSPENDED',
  'UNKNOWN',
  'VERIFY_RESIZE',
]);

export type StatusTone = 'ok' | 'warn' | 'danger' | 'muted';

export function statusTone(status: ServerStatus): StatusTone {
  if (status === 'ACTIVE') return 'ok';
  if (status === 'ERROR' || status === 'UNKNOWN') return 'danger';
  if (status === 'SHUTOFF' || status === 'SHELVED' || status === 'SHELVED_OFFLOADED' || status === 'DELETED' || status === 'SOFT_DELETED') return 'muted';
  return 'warn';
}
