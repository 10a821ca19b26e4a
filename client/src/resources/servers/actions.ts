// The instance actions that need no input (power, lifecycle, lock, rescue, resize confirmation, delete), declared once
// (lib/actions): when Nova's state allows them (from nova/compute/api.py's check_instance_state and
// check_instance_lock), the API call, and the `openstack` command doing the same. Both the instances pages and "All
// my instances" offer them; the actions with a form (features/instances/actions.ts) build on the helpers here.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, ActionRequest } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { floatingIpKeys } from '../floating-ips/floating-ips';
import { imageKeys } from '../images/images';
import { portKeys } from '../ports/ports';
import { volumeKeys } from '../volumes/volumes';
import { computeMicroversion, serverPath } from './servers';
import type { Server, ServerStatus, VmState } from './types';

/**
 * What the actions change besides the server itself (which the page polls until it settles): ports, floating IPs,
 * volumes, images (snapshots).
 */
export const affectsAroundServer = (scope: QueryScope) => [portKeys, floatingIpKeys, volumeKeys, imageKeys].map((keys) => keys.all(scope));

export type ServerAction<Input = undefined> = ActionDeclaration<Server, Input>;

export const vmState = (server: Server) => server['OS-EXT-STS:vm_state'];
const taskState = (server: Server) => server['OS-EXT-STS:task_state'];

export interface Precondition {
  vmStates?: readonly VmState[];
  /** Nova refuses most actions while a task runs; a few (hard reboot) accept some. */
  taskStates?: readonly (string | null)[] | 'any';
  /** check_instance_lock: refused on a locked server (to non-admins; an admin's 403-free success is fine too). */
  lockChecked?: boolean;
}

/** Reboot may interrupt these tasks (nova task_states.ALLOW_REBOOT). */
const rebootableTasks = [null, 'rebooting', 'reboot_pending', 'reboot_started', 'resuming', 'rebooting_hard', 'unpausing', 'pausing', 'suspending'];

export function unavailableUnless(precondition: Precondition, stateReason: ParseKeys) {
  const { vmStates, taskStates = [null], lockChecked = true } = precondition;
  return (server: Server): ParseKeys | null => {
    if (lockChecked && server.locked) return 'resources.servers.unavailable.locked';
    if (taskStates !== 'any' && !taskStates.includes(taskState(server))) return 'resources.servers.unavailable.busy';
    if (vmStates && !vmStates.includes(vmState(server))) return stateReason;
    return null;
  };
}

const actionPath = (server: Server) => `${serverPath(server.id)}/action`;

/** POST /servers/{id}/action with one key: most lifecycle actions. */
export function serverAction(server: Server, body: Record<string, unknown>): ActionRequest[] {
  return [{ method: 'POST', path: actionPath(server), body, microversion: computeMicroversion }];
}

function simpleAction(
  id: string,
  bodyKey: string,
  cli: (server: Server) => string[],
  precondition: Precondition,
  extra: Partial<ServerAction> = {},
): ServerAction {
  return {
    id,
    label: `resources.servers.actions.${id}.label` as ParseKeys,
    succeeded: `resources.servers.actions.${id}.succeeded` as ParseKeys,
    unavailableReason: unavailableUnless(precondition, `resources.servers.actions.${id}.unavailable` as ParseKeys),
    affects: affectsAroundServer,
    request: (server) => serverAction(server, { [bodyKey]: null }),
    cli: (server) => [cli(server)],
    ...extra,
  };
}

/** Done once Nova reports one of these statuses. */
export const reaches =
  (...statuses: ServerStatus[]) =>
  (server: Server) =>
    statuses.includes(server.status);

export const start = simpleAction('start', 'os-start', (s) => ['server', 'start', s.id], { vmStates: ['stopped'] }, {
  bulk: true,
  done: reaches('ACTIVE'),
});
export const stop = simpleAction('stop', 'os-stop', (s) => ['server', 'stop', s.id], { vmStates: ['active', 'error'] }, {
  bulk: true,
  done: reaches('SHUTOFF'),
});

export const rebootSoft: ServerAction = {
  id: 'reboot-soft',
  succeeded: 'resources.servers.actions.reboot-soft.succeeded',
  label: 'resources.servers.actions.reboot-soft.label',
  unavailableReason: unavailableUnless({ vmStates: ['active'] }, 'resources.servers.actions.reboot-soft.unavailable'),
  affects: affectsAroundServer,
  request: (server) => serverAction(server, { reboot: { type: 'SOFT' } }),
  cli: (server) => [['server', 'reboot', '--soft', server.id]],
  bulk: true,
};

export const rebootHard: ServerAction = {
  id: 'reboot-hard',
  succeeded: 'resources.servers.actions.reboot-hard.succeeded',
  label: 'resources.servers.actions.reboot-hard.label',
  unavailableReason: unavailableUnless(
    { vmStates: ['active', 'stopped', 'paused', 'suspended', 'error'], taskStates: rebootableTasks },
    'resources.servers.actions.reboot-hard.unavailable',
  ),
  affects: affectsAroundServer,
  request: (server) => serverAction(server, { reboot: { type: 'HARD' } }),
  cli: (server) => [['server', 'reboot', '--hard', server.id]],
  confirmation: { message: 'resources.servers.actions.reboot-hard.confirm' },
};

export const pause = simpleAction('pause', 'pause', (s) => ['server', 'pause', s.id], { vmStates: ['active'] }, { done: reaches('PAUSED') });
export const unpause = simpleAction('unpause', 'unpause', (s) => ['server', 'unpause', s.id], { vmStates: ['paused'] }, { done: reaches('ACTIVE') });
export const suspend = simpleAction('suspend', 'suspend', (s) => ['server', 'suspend', s.id], { vmStates: ['active'] }, { done: reaches('SUSPENDED') });
// Nova does not check the lock on resume.
export const resume = simpleAction('resume', 'resume', (s) => ['server', 'resume', s.id], { vmStates: ['suspended'], lockChecked: false }, {
  done: reaches('ACTIVE'),
});
export const shelve = simpleAction(
  'shelve',
  'shelve',
  (s) => ['server', 'shelve', s.id],
  { vmStates: ['active', 'stopped', 'paused', 'suspended'] },
  { done: reaches('SHELVED', 'SHELVED_OFFLOADED') },
);
export const unshelve = simpleAction('unshelve', 'unshelve', (s) => ['server', 'unshelve', s.id], {
  vmStates: ['shelved', 'shelved_offloaded'],
}, { done: reaches('ACTIVE', 'SHUTOFF') });

export const lock: ServerAction = {
  id: 'lock',
  succeeded: 'resources.servers.actions.lock.succeeded',
  label: 'resources.servers.actions.lock.label',
  unavailableReason: (server) => (server.locked ? 'resources.servers.actions.lock.unavailable' : null),
  affects: affectsAroundServer,
  request: (server) => serverAction(server, { lock: null }),
  cli: (server) => [['server', 'lock', server.id]],
  done: (server) => server.locked,
};

export const unlock: ServerAction = {
  id: 'unlock',
  succeeded: 'resources.servers.actions.unlock.succeeded',
  label: 'resources.servers.actions.unlock.label',
  unavailableReason: (server) => (server.locked ? null : 'resources.servers.actions.unlock.unavailable'),
  affects: affectsAroundServer,
  request: (server) => serverAction(server, { unlock: null }),
  cli: (server) => [['server', 'unlock', server.id]],
  done: (server) => !server.locked,
};

export const rescue = simpleAction('rescue', 'rescue', (s) => ['server', 'rescue', s.id], { vmStates: ['active', 'stopped', 'error'] }, {
  affects: affectsAroundServer,
  request: (server) => serverAction(server, { rescue: {} }),
  confirmation: { message: 'resources.servers.actions.rescue.confirm' },
  done: reaches('RESCUE'),
});
export const unrescue = simpleAction('unrescue', 'unrescue', (s) => ['server', 'unrescue', s.id], { vmStates: ['rescued'] }, {
  done: reaches('ACTIVE'),
});

// Confirming or reverting sets no task state: the server simply leaves `resized` a moment later.
const leftResized = (server: Server) => vmState(server) !== 'resized';
export const confirmResize = simpleAction(
  'confirm-resize',
  'confirmResize',
  (s) => ['server', 'resize', 'confirm', s.id],
  { vmStates: ['resized'] },
  { done: leftResized },
);
export const revertResize = simpleAction('revert-resize', 'revertResize', (s) => ['server', 'resize', 'revert', s.id], {
  vmStates: ['resized'],
}, { done: leftResized });

export const deleteServer: ServerAction = {
  id: 'delete',
  succeeded: 'resources.servers.actions.delete.succeeded',
  removes: true,
  label: 'resources.servers.actions.delete.label',
  unavailableReason: unavailableUnless({ taskStates: 'any' }, 'resources.servers.actions.delete.unavailable'),
  affects: affectsAroundServer,
  request: (server) => [{ method: 'DELETE', path: serverPath(server.id), microversion: computeMicroversion }],
  cli: (server) => [['server', 'delete', server.id]],
  confirmation: { message: 'resources.servers.actions.delete.confirm', destructive: true },
  bulk: true,
};

/** The actions without input, in menu order: power, lifecycle, lock, rescue, resize confirmation, danger. */
export const lifecycleServerActions: readonly ServerAction[] = [
  start,
  stop,
  rebootSoft,
  rebootHard,
  pause,
  unpause,
  suspend,
  resume,
  shelve,
  unshelve,
  lock,
  unlock,
  rescue,
  unrescue,
  confirmResize,
  revertResize,
  deleteServer,
];

export const identifyServer = (server: Server) => ({ id: server.id, name: server.name, page: `/instances/${encodeURIComponent(server.id)}` });
