import { describe, expect, it } from 'vitest';
import { imageActions, jsonPatchMediaType, membershipActions } from './actions';
import { customProperties, propertyCliArgs, propertyInputOf, propertyInputProblem, propertyPatch } from './properties';
import type { ImageRecord } from '../../resources/images/types';

const image = {
  id: 'img-1',
  name: 'cirros',
  status: 'active',
  visibility: 'private',
  owner: 'p1',
  size: 1024,
  min_disk: 0,
  min_ram: 0,
  disk_format: 'qcow2',
  container_format: 'bare',
  protected: false,
  tags: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  os_distro: 'cirros',
  hw_disk_bus: 'virtio',
  'a/b': 'x',
  'owner_specified.openstack.md5': '',
} as ImageRecord;

describe('image properties', () => {
  it('lists custom properties, not Glance fields nor the named ones', () => {
    expect(customProperties(image)).toEqual([['a/b', 'x'], ['hw_disk_bus', 'virtio'], ['owner_specified.openstack.md5', '']]);
  });

  it('patches only what changed, with Glance types and escaped keys', () => {
    const input = propertyInputOf(image);
    input.named.os_distro = '';
    input.named.os_version = '0.6';
    input.min_disk = '1';
    input.custom = [
      { key: 'hw_disk_bus', value: 'scsi' },
      { key: 'zenith_test', value: 'yes' },
      { key: 'owner_specified.openstack.md5', value: '' },
    ];
    const operations = propertyPatch(image, input);
    expect(operations).toEqual([
      { op: 'remove', path: '/os_distro' },
      { op: 'add', path: '/os_version', value: '0.6' },
      { op: 'replace', path: '/min_disk', value: 1 },
      { op: 'remove', path: '/a~1b' },
      { op: 'replace', path: '/hw_disk_bus', value: 'scsi' },
      { op: 'add', path: '/zenith_test', value: 'yes' },
    ]);
    expect(propertyCliArgs(operations)).toEqual({
      set: ['--property', 'os_version=0.6', '--min-disk', '1', '--property', 'hw_disk_bus=scsi', '--property', 'zenith_test=yes'],
      unset: ['--property', 'os_distro', '--property', 'a/b'],
    });
    expect(propertyPatch(image, propertyInputOf(image))).toEqual([]);
  });

  it('refuses bad numbers, reserved and repeated keys', () => {
    const input = propertyInputOf(image);
    expect(propertyInputProblem({ ...input, min_ram: '1.5' })).toBe('minRamInvalid');
    expect(propertyInputProblem({ ...input, custom: [{ key: 'visibility', value: 'public' }] })).toBe('keyReserved');
    expect(propertyInputProblem({ ...input, custom: [{ key: 'k', value: '1' }, { key: 'k', value: '2' }] })).toBe('keyRepeated');
    expect(propertyInputProblem({ ...input, custom: [{ key: '', value: '2' }] })).toBe('keyMissing');
    expect(propertyInputProblem(input)).toBeNull();
  });
});

describe('image actions', () => {
  const action = (id: string) => imageActions.find((candidate) => candidate.id === id)!;

  it('sends JSON patch with Glance media type, and says the CLI equivalent', () => {
    expect(action('protect').request(image, undefined)).toEqual([
      { method: 'PATCH', path: '/api/os/image/v2/images/img-1', body: [{ op: 'replace', path: '/protected', value: true }], contentType: jsonPatchMediaType },
    ]);
    expect(action('visibility').cli(image, 'shared')).toEqual([['image', 'set', '--shared', 'img-1']]);
  });

  it('refuses delete while protected, members unless shared', () => {
    expect(action('delete').unavailableReason({ ...image, protected: true })).toBe('images.actions.delete.protected');
    expect(action('add-member').unavailableReason(image)).toBe('images.members.notShared');
    expect(action('add-member').request({ ...image, visibility: 'shared' }, ' p2 ')).toEqual([
      { method: 'POST', path: '/api/os/image/v2/images/img-1/members', body: { member: 'p2' } },
    ]);
  });

  it('lets the receiving project, not the owner, accept a share', () => {
    const [accept] = membershipActions('p2');
    const shared = { ...image, visibility: 'shared' } as ImageRecord;
    expect(accept!.unavailableReason(shared)).toBeNull();
    expect(membershipActions('p1')[0]!.unavailableReason(shared)).toBe('images.members.ownImage');
    expect(accept!.request(shared, undefined)).toEqual([
      { method: 'PUT', path: '/api/os/image/v2/images/img-1/members/p2', body: { status: 'accepted' } },
    ]);
  });
});
