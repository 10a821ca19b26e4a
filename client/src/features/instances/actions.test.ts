import { describe, expect, it } from 'vitest';
import * as lifecycleActions from '../../resources/servers/actions';
import * as formActions from './actions';
import { serverActions } from './actions';
import type { Server, VmState } from '../../resources/servers/types';
import { servers } from '../../testing/fixtures';
import { attachVolumeCli, attachVolumeRequest, detachVolumeCli, detachVolumeRequest } from '../../resources/volumes/attachments';

/** A server as Nova answered it (testing/fixtures), under a short id and name the expectations below can spell. */
function server(overrides: Partial<Server> = {}): Server {
  return { ...servers[0]!, id: 'srv-1', name: 'web 1', ...overrides };
}

/** Every instance action, wherever it is declared. */
const actions = { ...lifecycleActions, ...formActions };

const inState = (vmState: VmState, overrides: Partial<Server> = {}) => server({ 'OS-EXT-STS:vm_state': vmState, ...overrides });

/** The vm_states each action accepts, as nova/compute/api.py's check_instance_state says. */
const allowedStates: Record<string, VmState[]> = {
  start: ['stopped'],
  stop: ['active', 'error'],
  'reboot-soft': ['active'],
  'reboot-hard': ['active', 'stopped', 'paused', 'suspended', 'error'],
  pause: ['active'],
  unpause: ['paused'],
  suspend: ['active'],
  resume: ['suspended'],
  shelve: ['active', 'stopped', 'paused', 'suspended'],
  unshelve: ['shelved', 'shelved_offloaded'],
  rescue: ['active', 'stopped', 'error'],
  unrescue: ['rescued'],
  resize: ['active', 'stopped'],
  'confirm-resize': ['resized'],
  'revert-resize': ['resized'],
  rebuild: ['active', 'stopped', 'error'],
  snapshot: ['active', 'stopped', 'paused', 'suspended'],
  metadata: ['active', 'paused', 'suspended', 'stopped'],
  'attach-volume': ['active', 'paused', 'stopped', 'resized', 'soft-delete', 'shelved', 'shelved_offloaded'],
  'attach-interface': ['active', 'paused', 'stopped'],
};
const everyState: VmState[] = ['active', 'building', 'paused', 'suspended', 'stopped', 'rescued', 'resized', 'soft-delete', 'deleted', 'error', 'shelved', 'shelved_offloaded'];

describe('unavailableReason', () => {
  for (const [id, allowed] of Object.entries(allowedStates)) {
    it(`${id} is offered exactly in ${allowed.join(', ')}`, () => {
      const action = serverActions.find((candidate) => candidate.id === id)!;
      for (const state of everyState) {
        const reason = action.unavailableReason(inState(state));
        // The actions without input are declared (and worded) with the servers, for All my instances as well.
        const catalog = lifecycleActions.lifecycleServerActions.some((candidate) => candidate.id === id) ? 'resources.servers' : 'instances';
        if (allowed.includes(state)) expect(reason, state).toBeNull();
        else expect(reason, state).toBe(`${catalog}.actions.${id}.unavailable`);
      }
    });
  }

  it('refuses lock-checked actions on a locked server, and says so before the state', () => {
    const locked = inState('stopped', { locked: true });
    expect(actions.start.unavailableReason(locked)).toBe('resources.servers.unavailable.locked');
    expect(actions.deleteServer.unavailableReason(locked)).toBe('resources.servers.unavailable.locked');
    expect(actions.unlock.unavailableReason(locked)).toBeNull();
    expect(actions.lock.unavailableReason(locked)).toBe('resources.servers.actions.lock.unavailable');
    // Nova checks no lock on resume and snapshots.
    expect(actions.resume.unavailableReason(inState('suspended', { locked: true }))).toBeNull();
    expect(actions.snapshot.unavailableReason(inState('active', { locked: true }))).toBeNull();
  });

  it('waits for a running task, except where Nova allows interrupting it', () => {
    const busy = server({ 'OS-EXT-STS:task_state': 'powering-off' });
    expect(actions.stop.unavailableReason(busy)).toBe('resources.servers.unavailable.busy');
    expect(actions.rebootHard.unavailableReason(server({ 'OS-EXT-STS:task_state': 'rebooting' }))).toBeNull();
    expect(actions.rebootHard.unavailableReason(busy)).toBe('resources.servers.unavailable.busy');
    expect(actions.deleteServer.unavailableReason(server({ status: 'BUILD', 'OS-EXT-STS:vm_state': 'building', 'OS-EXT-STS:task_state': 'spawning' }))).toBeNull();
  });

  it('needs something to detach or disassociate', () => {
    expect(actions.detachVolume.unavailableReason(server())).toBe('instances.actions.detach-volume.noVolume');
    expect(actions.detachVolume.unavailableReason(server({ 'os-extended-volumes:volumes_attached': [{ id: 'v1' }] }))).toBeNull();
    expect(actions.disassociateFloatingIp.unavailableReason(server())).toBe('instances.actions.disassociate-floating-ip.noFloatingIp');
    const withFloating = server({
      addresses: {
        'demo-net': [
          { addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' },
          { addr: '203.0.113.9', version: 4, 'OS-EXT-IPS:type': 'floating' },
        ],
      },
    });
    expect(actions.disassociateFloatingIp.unavailableReason(withFloating)).toBeNull();
    expect(actions.associateFloatingIp.unavailableReason(server({ addresses: {} }))).toBe('instances.actions.associate-floating-ip.noFixedIp');
    expect(actions.detachInterface.unavailableReason(server({ addresses: {} }))).toBe('instances.actions.detach-interface.noInterface');
  });
});

describe('requests and CLI', () => {
  const s = server();
  const action = (path = '') => `/api/os/compute/servers/srv-1${path}`;

  it('sends the lifecycle actions to servers/{id}/action', () => {
    expect(actions.start.request(s, undefined)).toEqual([{ method: 'POST', path: action('/action'), body: { 'os-start': null }, microversion: '2.93' }]);
    expect(actions.rebootSoft.request(s, undefined)[0]!.body).toEqual({ reboot: { type: 'SOFT' } });
    expect(actions.rebootHard.request(s, undefined)[0]!.body).toEqual({ reboot: { type: 'HARD' } });
    expect(actions.resize.request(s, { flavorId: 'f2' })[0]!.body).toEqual({ resize: { flavorRef: 'f2' } });
    expect(actions.confirmResize.request(s, undefined)[0]!.body).toEqual({ confirmResize: null });
    expect(actions.rebuild.request(s, { imageId: 'img-2' })[0]!.body).toEqual({ rebuild: { imageRef: 'img-2' } });
    expect(actions.snapshot.request(s, { name: ' snap ' })[0]!.body).toEqual({ createImage: { name: 'snap' } });
    expect(actions.rescue.request(s, undefined)[0]!.body).toEqual({ rescue: {} });
    expect(actions.unrescue.request(s, undefined)[0]!.body).toEqual({ unrescue: null });
    expect(actions.revertResize.request(s, undefined)[0]!.body).toEqual({ revertResize: null });
  });

  it('attaches an existing port by its id, and a new one by its network', () => {
    const path = action('/os-interface');
    expect(actions.attachInterface.request(s, { kind: 'port', portId: 'p1' })).toEqual([
      { method: 'POST', path, body: { interfaceAttachment: { port_id: 'p1' } }, microversion: '2.93' },
    ]);
    expect(actions.attachInterface.request(s, { kind: 'network', networkId: 'n1' })[0]!.body).toEqual({ interfaceAttachment: { net_id: 'n1' } });
    expect(actions.detachInterface.request(s, { portId: 'p1', macAddress: 'fa:16:3e:00:00:01' })).toEqual([
      { method: 'DELETE', path: `${path}/p1`, microversion: '2.93' },
    ]);
  });

  it('gives the openstack command of each action', () => {
    const cli = Object.fromEntries(
      serverActions.map((candidate) => [candidate.id, candidate.input ? undefined : candidate.cli(s, undefined)]),
    );
    expect(cli).toMatchObject({
      start: [['server', 'start', 'srv-1']],
      stop: [['server', 'stop', 'srv-1']],
      'reboot-soft': [['server', 'reboot', '--soft', 'srv-1']],
      'reboot-hard': [['server', 'reboot', '--hard', 'srv-1']],
      pause: [['server', 'pause', 'srv-1']],
      unpause: [['server', 'unpause', 'srv-1']],
      suspend: [['server', 'suspend', 'srv-1']],
      resume: [['server', 'resume', 'srv-1']],
      shelve: [['server', 'shelve', 'srv-1']],
      unshelve: [['server', 'unshelve', 'srv-1']],
      lock: [['server', 'lock', 'srv-1']],
      unlock: [['server', 'unlock', 'srv-1']],
      rescue: [['server', 'rescue', 'srv-1']],
      unrescue: [['server', 'unrescue', 'srv-1']],
      'confirm-resize': [['server', 'resize', 'confirm', 'srv-1']],
      'revert-resize': [['server', 'resize', 'revert', 'srv-1']],
      delete: [['server', 'delete', 'srv-1']],
    });
    expect(actions.resize.cli(s, { flavorId: 'f2' })).toEqual([['server', 'resize', '--flavor', 'f2', 'srv-1']]);
    expect(actions.rebuild.cli(s, { imageId: 'img-2' })).toEqual([['server', 'rebuild', '--image', 'img-2', 'srv-1']]);
    expect(actions.snapshot.cli(s, { name: 'my snap' })).toEqual([['server', 'image', 'create', '--name', 'my snap', 'srv-1']]);
    expect(actions.rename.cli(s, { name: 'web 2', description: '' })).toEqual([['server', 'set', '--name', 'web 2', 'srv-1']]);
    expect(actions.attachVolume.cli(s, { volumeId: 'v1' })).toEqual([['server', 'add', 'volume', 'srv-1', 'v1']]);
    expect(actions.detachVolume.cli(s, { volumeId: 'v1' })).toEqual([['server', 'remove', 'volume', 'srv-1', 'v1']]);
    expect(actions.attachInterface.cli(s, { kind: 'network', networkId: 'n1' })).toEqual([['server', 'add', 'network', 'srv-1', 'n1']]);
    expect(actions.attachInterface.cli(s, { kind: 'port', portId: 'p1' })).toEqual([['server', 'add', 'port', 'srv-1', 'p1']]);
    expect(actions.detachInterface.cli(s, { portId: 'p1', macAddress: 'fa:16:3e:00:00:01' })).toEqual([['server', 'remove', 'port', 'srv-1', 'p1']]);
    expect(actions.associateFloatingIp.cli(s, { source: 'new', networkId: 'ext', portId: 'p1' })).toEqual([
      ['floating', 'ip', 'create', '--port', 'p1', 'ext'],
    ]);
    expect(actions.associateFloatingIp.cli(s, { source: 'existing', floatingIpId: 'f1', floatingIpAddress: '203.0.113.9', portId: 'p1' })).toEqual([
      ['floating', 'ip', 'set', '--port', 'p1', 'f1'],
    ]);
    expect(actions.disassociateFloatingIp.cli(s, { floatingIpId: 'f1' })).toEqual([['floating', 'ip', 'unset', '--port', 'f1']]);
  });

  it('allocates and associates a new floating IP in one Neutron call', () => {
    expect(actions.associateFloatingIp.request(s, { source: 'new', networkId: 'ext', portId: 'p1' })).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/os/network/v2.0/floatingips', body: { floatingip: expect.objectContaining({ floating_network_id: 'ext', port_id: 'p1' }) } }),
    ]);
  });

  it('adds and removes only the security groups that changed, by id, through Nova like the CLI', () => {
    const input = { current: ['sg-default', 'sg-old'], chosen: ['sg-default', 'sg-web'] };
    expect(actions.changeSecurityGroups.request(s, input)).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/os/compute/servers/srv-1/action', body: { addSecurityGroup: { name: 'sg-web' } } }),
      expect.objectContaining({ method: 'POST', path: '/api/os/compute/servers/srv-1/action', body: { removeSecurityGroup: { name: 'sg-old' } } }),
    ]);
    expect(actions.changeSecurityGroups.cli(s, input)).toEqual([
      ['server', 'add', 'security', 'group', 'srv-1', 'sg-web'],
      ['server', 'remove', 'security', 'group', 'srv-1', 'sg-old'],
    ]);
    const noChange = 'instances.actions.security-groups.noChange';
    expect(actions.changeSecurityGroups.input!.invalidReason!({ current: ['a'], chosen: ['a'] }, s)).toBe(noChange);
    // Untouched form: nothing to send.
    expect(actions.changeSecurityGroups.input!.invalidReason!(null, s)).toBe(noChange);
    expect(actions.changeSecurityGroups.request(s, null)).toEqual([]);
  });

  it('replaces metadata with PUT and shows set and unset commands', () => {
    const withMetadata = server({ metadata: { role: 'web', old: 'x' } });
    const input = [
      { key: 'role', value: 'db' },
      { key: ' ', value: 'ignored' },
    ];
    expect(actions.editMetadata.request(withMetadata, input)[0]).toMatchObject({ method: 'PUT', body: { metadata: { role: 'db' } } });
    expect(actions.editMetadata.cli(withMetadata, input)).toEqual([
      ['server', 'set', '--property', 'role=db', 'srv-1'],
      ['server', 'unset', '--property', 'old', 'srv-1'],
    ]);
    expect(actions.editMetadata.input!.invalidReason!([{ key: 'a', value: '1' }, { key: 'a ', value: '2' }], s)).toBe(
      'instances.actions.metadata.duplicateKey',
    );
  });

  it('knows when rescue, unrescue, resize and its revert took effect', () => {
    const rescued = server({ status: 'RESCUE', 'OS-EXT-STS:vm_state': 'rescued' });
    const resized = server({ status: 'VERIFY_RESIZE', 'OS-EXT-STS:vm_state': 'resized' });
    const active = server();
    expect([actions.rescue.done!(active, undefined), actions.rescue.done!(rescued, undefined)]).toEqual([false, true]);
    expect([actions.unrescue.done!(rescued, undefined), actions.unrescue.done!(active, undefined)]).toEqual([false, true]);
    expect([actions.resize.done!(active, { flavorId: 'f2' }), actions.resize.done!(resized, { flavorId: 'f2' })]).toEqual([false, true]);
    // Nova may still report the resized server, without a task, right after accepting the revert.
    expect([actions.revertResize.done!(resized, undefined), actions.revertResize.done!(active, undefined)]).toEqual([false, true]);
  });

  it('waits for a detached volume to leave the server: Nova detaches it after answering', () => {
    const attached = server({ 'os-extended-volumes:volumes_attached': [{ id: 'vol-1', delete_on_termination: false }] });
    expect(actions.detachVolume.done!(attached, { volumeId: 'vol-1' })).toBe(false);
    expect(actions.detachVolume.done!(server({ 'os-extended-volumes:volumes_attached': [] }), { volumeId: 'vol-1' })).toBe(true);
  });

  it('waits for a detached interface to leave the addresses: Nova detaches it after answering', () => {
    const attached = server({
      addresses: {
        'demo-net': [
          { addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:01' },
          { addr: '10.0.0.6', version: 4, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:02' },
        ],
      },
    });
    const input = { portId: 'p2', macAddress: 'fa:16:3e:00:00:02' };
    expect(actions.detachInterface.done!(attached, input)).toBe(false);
    expect(actions.detachInterface.done!(server({ addresses: { 'demo-net': [attached.addresses['demo-net']![0]!] } }), input)).toBe(true);
  });

  it("attaches and detaches volumes with the volume side's own requests and commands", () => {
    expect(actions.attachVolume.request(s, { volumeId: 'vol-1' })).toEqual([attachVolumeRequest('srv-1', 'vol-1')]);
    expect(actions.attachVolume.cli(s, { volumeId: 'vol-1' })).toEqual([attachVolumeCli('srv-1', 'vol-1')]);
    expect(actions.detachVolume.request(s, { volumeId: 'vol-1' })).toEqual([detachVolumeRequest('srv-1', 'vol-1')]);
    expect(actions.detachVolume.cli(s, { volumeId: 'vol-1' })).toEqual([detachVolumeCli('srv-1', 'vol-1')]);
  });

  it('offers start, stop, reboot and delete in bulk', () => {
    expect(actions.bulkServerActions.map((candidate) => candidate.id)).toEqual(['start', 'stop', 'reboot-soft', 'delete']);
  });
});
