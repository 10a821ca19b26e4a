// The instance actions with a form (resize, rebuild, snapshot, rename, metadata, attachments, floating IPs, security
// groups), declared once (lib/actions), and every instance action in menu order: those without input are shared with
// "All my instances" (resources/servers/actions.ts), whose states, calls and commands these follow.
import type { AnyActionDeclaration } from '../../lib/actions/types';
import type { AssociateFloatingIpInput, AttachInterfaceInput, DetachInterfaceInput, MetadataInput, SecurityGroupsInput } from './inputs';
import {
  allocateFloatingIpRequest,
  associateFloatingIpRequest,
  disassociateFloatingIpRequest,
} from '../../resources/floating-ips/floating-ips';
import { attachVolumeCli, attachVolumeRequest, detachVolumeCli, detachVolumeRequest } from '../../resources/volumes/attachments';
import { serverGroupMembershipCli, serverGroupMembershipRequest } from '../../resources/security-groups/security-groups';
import { computeMicroversion, serverPath } from '../../resources/servers/servers';
import {
  AttachInterfaceForm,
  AttachVolumeForm,
  DetachInterfaceForm,
  DetachVolumeForm,
  AssociateFloatingIpForm,
  DisassociateFloatingIpForm,
  MetadataForm,
  RebuildForm,
  RenameForm,
  ResizeForm,
  SecurityGroupsForm,
  SnapshotForm,
} from './components/action-forms';
import { serverIps } from '../../resources/servers/addresses';
import {
  affectsAroundServer,
  confirmResize,
  deleteServer,
  lifecycleServerActions,
  reaches,
  serverAction,
  unavailableUnless,
  type ServerAction,
} from '../../resources/servers/actions';
import type { Server, VmState } from '../../resources/servers/types';

export const resize: ServerAction<{ flavorId: string }> = {
  id: 'resize',
  label: 'instances.actions.resize.label',
  unavailableReason: unavailableUnless({ vmStates: ['active', 'stopped'] }, 'instances.actions.resize.unavailable'),
  affects: affectsAroundServer,
  request: (server, { flavorId }) => serverAction(server, { resize: { flavorRef: flavorId } }),
  cli: (server, { flavorId }) => [['server', 'resize', '--flavor', flavorId, server.id]],
  done: reaches('VERIFY_RESIZE'),
  input: {
    initial: () => ({ flavorId: '' }),
    invalidReason: ({ flavorId }) => (flavorId ? null : 'instances.actions.resize.chooseFlavor'),
    Form: ResizeForm,
  },
};

export const rebuild: ServerAction<{ imageId: string }> = {
  id: 'rebuild',
  label: 'instances.actions.rebuild.label',
  unavailableReason: unavailableUnless({ vmStates: ['active', 'stopped', 'error'] }, 'instances.actions.rebuild.unavailable'),
  affects: affectsAroundServer,
  request: (server, { imageId }) => serverAction(server, { rebuild: { imageRef: imageId } }),
  cli: (server, { imageId }) => [['server', 'rebuild', '--image', imageId, server.id]],
  confirmation: { message: 'instances.actions.rebuild.confirm', destructive: true },
  input: {
    initial: (server) => ({ imageId: server.image === '' ? '' : server.image.id }),
    invalidReason: ({ imageId }) => (imageId ? null : 'instances.actions.rebuild.chooseImage'),
    Form: RebuildForm,
  },
};

// Nova checks no lock for snapshots: a locked server can still be imaged.
export const snapshot: ServerAction<{ name: string }> = {
  id: 'snapshot',
  label: 'instances.actions.snapshot.label',
  unavailableReason: unavailableUnless(
    { vmStates: ['active', 'stopped', 'paused', 'suspended'], lockChecked: false },
    'instances.actions.snapshot.unavailable',
  ),
  affects: affectsAroundServer,
  request: (server, { name }) => serverAction(server, { createImage: { name: name.trim() } }),
  cli: (server, { name }) => [['server', 'image', 'create', '--name', name.trim(), server.id]],
  input: {
    initial: (server) => ({ name: `${server.name}-snapshot` }),
    invalidReason: ({ name }) => (name.trim() ? null : 'instances.actions.snapshot.nameRequired'),
    Form: SnapshotForm,
  },
};

// Renaming is an update of the server record: Nova checks neither state nor lock.
export const rename: ServerAction<{ name: string; description: string }> = {
  id: 'rename',
  label: 'instances.actions.rename.label',
  unavailableReason: () => null,
  affects: affectsAroundServer,
  request: (server, { name, description }) => [
    {
      method: 'PUT',
      path: serverPath(server.id),
      body: { server: { name: name.trim(), description: description.trim() === '' ? null : description.trim() } },
      microversion: computeMicroversion,
    },
  ],
  cli: (server, { name, description }) => [
    ['server', 'set', '--name', name.trim(), ...(description.trim() ? ['--description', description.trim()] : []), server.id],
  ],
  input: {
    initial: (server) => ({ name: server.name, description: server.description ?? '' }),
    invalidReason: ({ name }) => (name.trim() ? null : 'instances.actions.rename.nameRequired'),
    Form: RenameForm,
  },
};

export function metadataOf(input: MetadataInput): Record<string, string> {
  return Object.fromEntries(input.filter((entry) => entry.key.trim() !== '').map((entry) => [entry.key.trim(), entry.value]));
}

export const editMetadata: ServerAction<MetadataInput> = {
  id: 'metadata',
  label: 'instances.actions.metadata.label',
  unavailableReason: unavailableUnless(
    { vmStates: ['active', 'paused', 'suspended', 'stopped'] },
    'instances.actions.metadata.unavailable',
  ),
  affects: affectsAroundServer,
  // PUT replaces all the metadata: keys removed in the form are removed on the server.
  request: (server, input) => [
    { method: 'PUT', path: `${serverPath(server.id)}/metadata`, body: { metadata: metadataOf(input) }, microversion: computeMicroversion },
  ],
  cli: (server, input) => {
    const next = metadataOf(input);
    const removed = Object.keys(server.metadata).filter((key) => !(key in next));
    const set = Object.entries(next).flatMap(([key, value]) => ['--property', `${key}=${value}`]);
    return [
      ...(set.length > 0 ? [['server', 'set', ...set, server.id]] : []),
      ...(removed.length > 0 ? [['server', 'unset', ...removed.flatMap((key) => ['--property', key]), server.id]] : []),
    ];
  },
  input: {
    initial: (server) => Object.entries(server.metadata).map(([key, value]) => ({ key, value })),
    invalidReason: (input) => {
      const keys = input.map((entry) => entry.key.trim()).filter((key) => key !== '');
      if (new Set(keys).size !== keys.length) return 'instances.actions.metadata.duplicateKey';
      return keys.some((key) => key.length > 255) ? 'instances.actions.metadata.keyTooLong' : null;
    },
    Form: MetadataForm,
  },
};

// The volume side (attach, detach) is declared once in resources/volumes/attachments, for the volume page as well.
const volumeStates: VmState[] = ['active', 'paused', 'stopped', 'resized', 'soft-delete', 'shelved', 'shelved_offloaded'];

export const attachVolume: ServerAction<{ volumeId: string }> = {
  id: 'attach-volume',
  label: 'instances.actions.attach-volume.label',
  unavailableReason: unavailableUnless({ vmStates: volumeStates }, 'instances.actions.attach-volume.unavailable'),
  affects: affectsAroundServer,
  request: (server, { volumeId }) => [attachVolumeRequest(server.id, volumeId)],
  cli: (server, { volumeId }) => [attachVolumeCli(server.id, volumeId)],
  done: (server) => server['os-extended-volumes:volumes_attached'].length > 0,
  input: {
    initial: () => ({ volumeId: '' }),
    invalidReason: ({ volumeId }) => (volumeId ? null : 'instances.actions.attach-volume.chooseVolume'),
    Form: AttachVolumeForm,
  },
};

export const detachVolume: ServerAction<{ volumeId: string }> = {
  id: 'detach-volume',
  label: 'instances.actions.detach-volume.label',
  unavailableReason: (server) =>
    server['os-extended-volumes:volumes_attached'].length === 0
      ? 'instances.actions.detach-volume.noVolume'
      : unavailableUnless({ vmStates: volumeStates }, 'instances.actions.detach-volume.unavailable')(server),
  affects: affectsAroundServer,
  request: (server, { volumeId }) => [detachVolumeRequest(server.id, volumeId)],
  cli: (server, { volumeId }) => [detachVolumeCli(server.id, volumeId)],
  // Nova answers 202 and detaches afterwards, without a task state: wait until the volume leaves the server.
  done: (server, { volumeId }) => !server['os-extended-volumes:volumes_attached'].some((volume) => volume.id === volumeId),
  input: {
    initial: (server) => ({ volumeId: server['os-extended-volumes:volumes_attached'][0]?.id ?? '' }),
    invalidReason: ({ volumeId }) => (volumeId ? null : 'instances.actions.detach-volume.chooseVolume'),
    Form: DetachVolumeForm,
  },
};

const interfaceStates: VmState[] = ['active', 'paused', 'stopped'];

export const attachInterface: ServerAction<AttachInterfaceInput> = {
  id: 'attach-interface',
  label: 'instances.actions.attach-interface.label',
  unavailableReason: unavailableUnless({ vmStates: interfaceStates }, 'instances.actions.attach-interface.unavailable'),
  affects: affectsAroundServer,
  request: (server, input) => [
    {
      method: 'POST',
      path: `${serverPath(server.id)}/os-interface`,
      body: { interfaceAttachment: input.kind === 'network' ? { net_id: input.networkId } : { port_id: input.portId } },
      microversion: computeMicroversion,
    },
  ],
  cli: (server, input) => [
    input.kind === 'network' ? ['server', 'add', 'network', server.id, input.networkId] : ['server', 'add', 'port', server.id, input.portId],
  ],
  input: {
    initial: () => ({ kind: 'network', networkId: '' }),
    invalidReason: (input) =>
      (input.kind === 'network' ? input.networkId : input.portId) ? null : 'instances.actions.attach-interface.chooseTarget',
    Form: AttachInterfaceForm,
  },
};

/** The MAC addresses of the server's interfaces, as Nova's addresses report them. */
const interfaceMacs = (server: Server) =>
  Object.values(server.addresses).flatMap((entries) => entries.map((entry) => entry['OS-EXT-IPS-MAC:mac_addr']));

export const detachInterface: ServerAction<DetachInterfaceInput> = {
  id: 'detach-interface',
  label: 'instances.actions.detach-interface.label',
  unavailableReason: (server) =>
    Object.keys(server.addresses).length === 0
      ? 'instances.actions.detach-interface.noInterface'
      : unavailableUnless({ vmStates: interfaceStates }, 'instances.actions.detach-interface.unavailable')(server),
  affects: affectsAroundServer,
  request: (server, { portId }) => [
    { method: 'DELETE', path: `${serverPath(server.id)}/os-interface/${encodeURIComponent(portId)}`, microversion: computeMicroversion },
  ],
  cli: (server, { portId }) => [['server', 'remove', 'port', server.id, portId]],
  // Nova answers 202 and detaches afterwards, without a task state: the interface leaves the addresses when it is done.
  done: (server, { macAddress }) => !interfaceMacs(server).includes(macAddress),
  input: {
    initial: () => ({ portId: '', macAddress: '' }),
    invalidReason: ({ portId }) => (portId ? null : 'instances.actions.detach-interface.choosePort'),
    Form: DetachInterfaceForm,
  },
};

// Floating IPs are Neutron's: Nova's server state and lock do not apply.
export const associateFloatingIp: ServerAction<AssociateFloatingIpInput> = {
  id: 'associate-floating-ip',
  label: 'instances.actions.associate-floating-ip.label',
  unavailableReason: (server) =>
    serverIps(server.addresses).fixed.length === 0 ? 'instances.actions.associate-floating-ip.noFixedIp' : null,
  affects: affectsAroundServer,
  request: (_server, input) => [
    input.source === 'new'
      ? allocateFloatingIpRequest({ networkId: input.networkId, portId: input.portId })
      : associateFloatingIpRequest({ floatingIpId: input.floatingIpId, portId: input.portId }),
  ],
  cli: (_server, input) => [
    input.source === 'new'
      ? ['floating', 'ip', 'create', '--port', input.portId, input.networkId]
      : ['floating', 'ip', 'set', '--port', input.portId, input.floatingIpId],
  ],
  input: {
    initial: () => ({ source: 'existing', floatingIpId: '', floatingIpAddress: '', portId: '' }),
    invalidReason: (input) => {
      if (!input.portId) return 'instances.actions.associate-floating-ip.choosePort';
      return (input.source === 'new' ? input.networkId : input.floatingIpId) ? null : 'instances.actions.associate-floating-ip.chooseIp';
    },
    Form: AssociateFloatingIpForm,
  },
};

export const disassociateFloatingIp: ServerAction<{ floatingIpId: string }> = {
  id: 'disassociate-floating-ip',
  label: 'instances.actions.disassociate-floating-ip.label',
  unavailableReason: (server) =>
    serverIps(server.addresses).floating.length === 0 ? 'instances.actions.disassociate-floating-ip.noFloatingIp' : null,
  affects: affectsAroundServer,
  request: (_server, { floatingIpId }) => [disassociateFloatingIpRequest(floatingIpId)],
  cli: (_server, { floatingIpId }) => [['floating', 'ip', 'unset', '--port', floatingIpId]],
  input: {
    initial: () => ({ floatingIpId: '' }),
    invalidReason: ({ floatingIpId }) => (floatingIpId ? null : 'instances.actions.disassociate-floating-ip.chooseIp'),
    Form: DisassociateFloatingIpForm,
  },
};

export function securityGroupChanges(input: SecurityGroupsInput) {
  if (!input) return { add: [], remove: [] };
  const { current, chosen } = input;
  return {
    add: chosen.filter((id) => !current.includes(id)),
    remove: current.filter((id) => !chosen.includes(id)),
  };
}

// addSecurityGroup/removeSecurityGroup are checked by neither state nor lock in Nova; like `openstack server
// add/remove security group`, they name the group by id and Nova applies the change to every port of the server.
export const changeSecurityGroups: ServerAction<SecurityGroupsInput> = {
  id: 'security-groups',
  label: 'instances.actions.security-groups.label',
  unavailableReason: (server) =>
    Object.keys(server.addresses).length === 0 ? 'instances.actions.security-groups.noInterface' : null,
  affects: affectsAroundServer,
  request: (server, input) => {
    const { add, remove } = securityGroupChanges(input);
    return [
      ...add.map((groupId) => serverGroupMembershipRequest(server.id, groupId, 'add')),
      ...remove.map((groupId) => serverGroupMembershipRequest(server.id, groupId, 'remove')),
    ];
  },
  cli: (server, input) => {
    const { add, remove } = securityGroupChanges(input);
    return [
      ...add.map((groupId) => serverGroupMembershipCli(server.id, groupId, 'add')),
      ...remove.map((groupId) => serverGroupMembershipCli(server.id, groupId, 'remove')),
    ];
  },
  input: {
    initial: () => null,
    invalidReason: (input) => {
      const { add, remove } = securityGroupChanges(input);
      return add.length + remove.length === 0 ? 'instances.actions.security-groups.noChange' : null;
    },
    Form: SecurityGroupsForm,
  },
};

/**
 * In menu order, grouped: power, lifecycle, configuration, attachments, danger. The actions without input keep their
 * order from resources/servers (shared with All my instances); those with a form go in around them.
 */
const beforeConfirmResize = lifecycleServerActions.indexOf(confirmResize);
export const serverActions: readonly AnyActionDeclaration<Server>[] = [
  ...lifecycleServerActions.slice(0, beforeConfirmResize),
  resize,
  ...lifecycleServerActions.slice(beforeConfirmResize).filter((action) => action !== deleteServer),
  rebuild,
  snapshot,
  rename,
  editMetadata,
  attachVolume,
  detachVolume,
  attachInterface,
  detachInterface,
  associateFloatingIp,
  disassociateFloatingIp,
  changeSecurityGroups,
  deleteServer,
];

export const bulkServerActions = serverActions.filter((action) => action.bulk);

export { identifyServer } from '../../resources/servers/actions';
