import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadFeatureCatalog } from '../../../lib/i18n';
import '../i18n';
import type { Flavor } from '../../../resources/flavors/types';
import type { Image } from '../../../resources/images/types';
import type { VolumeSnapshot } from '../../../resources/volume-snapshots/types';
import { initialLaunchValues, launchFormSchema, toServerCreateChoices, type LaunchContext, type LaunchFormValues } from './launch-form';

const t = i18n.getFixedT('en');

// Outside the app's routes, the feature's words load here.
beforeAll(() => loadFeatureCatalog('launch-instance'));

const flavor = (id: string, vcpus: number, ram: number, disk: number): Flavor => ({
  id,
  name: id,
  vcpus,
  ram,
  disk,
  'OS-FLV-EXT-DATA:ephemeral': 0,
  swap: 0,
  'os-flavor-access:is_public': true,
});

const image = (id: string, minDisk: number, minRam: number): Image => ({
  id,
  name: id,
  status: 'active',
  visibility: 'public',
  owner: null,
  size: 20 * 1024 ** 2,
  min_disk: minDisk,
  min_ram: minRam,
  disk_format: 'qcow2',
  container_format: 'bare',
  protected: false,
  tags: [],
  created_at: '',
  updated_at: '',
});

const volumeSnapshot = (id: string, size: number): VolumeSnapshot => ({
  id,
  name: id,
  description: null,
  status: 'available',
  size,
  volume_id: 'vol-1',
  created_at: '2025-01-01T00:00:00.000000',
  updated_at: null,
  metadata: {},
});

const context: LaunchContext = {
  remaining: { instances: 5, vcpus: 4, ramMiB: 4096 },
  flavors: [flavor('tiny', 1, 512, 1), flavor('big', 2, 4096, 40)],
  images: new Map([
    ['cirros', image('cirros', 0, 0)],
    ['fat', image('fat', 30, 4096)],
  ]),
  volumes: new Map(),
  volumeSnapshots: new Map([['vs-5', volumeSnapshot('vs-5', 5)]]),
  subnets: [
    { id: 's1', name: 's1', network_id: 'net', project_id: 'p', ip_version: 4, cidr: '10.0.0.0/24', gateway_ip: '10.0.0.1', enable_dhcp: true, allocation_pools: [] },
  ],
};

const valid: LaunchFormValues = {
  ...initialLaunchValues({ imageId: 'cirros' }),
  name: 'web-1',
  flavorId: 'tiny',
  networks: [{ kind: 'network', id: 'net', fixedIp: '' }],
};

function errors(values: LaunchFormValues): Record<string, string> {
  const result = launchFormSchema(context, t).safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('launchFormSchema', () => {
  it('accepts a complete launch', () => {
    expect(errors(valid)).toEqual({});
  });

  it('reports every step’s problems at once, even with other fields still empty', () => {
    expect(errors({ ...initialLaunchValues(), count: 9 })).toEqual({
      name: 'Give the instance a name.',
      count: 'Over quota: only 5 more instances can be launched in this project.',
      imageId: 'Choose an image.',
      flavorId: 'Choose a flavor.',
      networks: 'Add at least one network or port.',
    });
  });

  it('limits the count by the vCPUs and RAM the chosen flavor needs', () => {
    expect(errors({ ...valid, flavorId: 'big', imageId: 'cirros', count: 2 })).toMatchObject({
      count: 'Over quota: the remaining RAM allows only 1 instance of this flavor.',
      flavorId: 'Over quota: needs 8192 MiB of RAM, 4096 MiB remain.',
    });
    expect(errors({ ...valid, count: 1.5 })).toMatchObject({ count: 'Enter a whole number.' });
    expect(errors({ ...valid, count: Number.NaN })).toMatchObject({ count: 'Enter a whole number.' });
  });

  it('refuses a flavor too small for the image', () => {
    expect(errors({ ...valid, imageId: 'fat' })).toEqual({ flavorId: 'Too little RAM: the image needs 4096 MiB.' });
  });

  it('needs a volume large enough for the image', () => {
    expect(errors({ ...valid, sourceKind: 'image-to-volume', imageId: 'fat', flavorId: 'big', volumeSizeGiB: 20 })).toEqual({
      volumeSizeGiB: 'The volume must be a whole number of GiB, at least 30 GiB to hold the image.',
    });
  });

  it('needs a volume snapshot, and a new volume at least its size', () => {
    expect(errors({ ...valid, sourceKind: 'volume-snapshot' })).toEqual({ volumeSnapshotId: 'Choose a volume snapshot.' });
    expect(errors({ ...valid, sourceKind: 'volume-snapshot', volumeSnapshotId: 'vs-5', volumeSizeGiB: 4 })).toEqual({
      volumeSizeGiB: "The volume must be a whole number of GiB, at least 5 GiB, the snapshot's size.",
    });
    expect(errors({ ...valid, sourceKind: 'volume-snapshot', volumeSnapshotId: 'vs-5', volumeSizeGiB: 5.5 })).toHaveProperty('volumeSizeGiB');
    // The root disk is the new volume: a flavor whose disk is smaller than the snapshot still fits.
    expect(errors({ ...valid, sourceKind: 'volume-snapshot', volumeSnapshotId: 'vs-5', volumeSizeGiB: 5 })).toEqual({});
  });

  it('starts from the volume snapshot a link names', () => {
    expect(initialLaunchValues({ volumeSnapshotId: 'vs-5' })).toMatchObject({ sourceKind: 'volume-snapshot', volumeSnapshotId: 'vs-5' });
  });

  it('checks fixed IPs against the network’s subnets, and ports and IPs against the count', () => {
    expect(errors({ ...valid, networks: [{ kind: 'network', id: 'net', fixedIp: '10.0.1.5' }] })).toEqual({
      'networks.0.fixedIp': "This address is outside the network's subnets (10.0.0.0/24).",
    });
    expect(errors({ ...valid, networks: [{ kind: 'network', id: 'net', fixedIp: '10.0.0.300' }] })).toEqual({
      'networks.0.fixedIp': 'Not an IP address.',
    });
    expect(errors({ ...valid, networks: [{ kind: 'port', id: 'p1', fixedIp: '' }, { kind: 'port', id: 'p1', fixedIp: '' }] })).toEqual({
      'networks.1.id': 'This port is already used by another interface.',
    });
    expect(errors({ ...valid, count: 2, networks: [{ kind: 'port', id: 'p1', fixedIp: '' }] })).toEqual({
      'networks.0.id': 'A port can serve only one instance: launch one instance, or use a network.',
    });
    expect(errors({ ...valid, count: 2, networks: [{ kind: 'network', id: 'net', fixedIp: '10.0.0.5' }] })).toEqual({
      'networks.0.fixedIp': 'A fixed IP can serve only one instance: launch one instance, or leave it empty.',
    });
  });

  it('refuses user data with errors or over Nova’s limit, not warnings', () => {
    expect(errors({ ...valid, userData: '#cloud-config\npackages: vim\n' })).toEqual({
      userData: 'The user data has an error (line 2): fix it before launching.',
    });
    expect(errors({ ...valid, userData: '#cloud-config\npackage: [vim]\n' })).toEqual({});
    expect(errors({ ...valid, userData: `#!/bin/sh\n${'x'.repeat(49140)}` })).toEqual({
      userData: 'User data too large: 65,536 characters once encoded in base64 (49,150 bytes), the cloud accepts at most 65,535.',
    });
  });

  it('wants unique, non-empty metadata keys', () => {
    expect(errors({ ...valid, metadata: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }, { key: ' ', value: '3' }] })).toEqual({
      'metadata.1.key': 'This key is already used.',
      'metadata.2.key': 'Enter a key, or remove this entry.',
    });
  });
});

describe('toServerCreateChoices', () => {
  it('keeps only what the chosen source kind uses, and drops empty optional values', () => {
    expect(toServerCreateChoices({ ...valid, snapshotId: 'left-over', volumeId: 'left-over', description: '  ', userData: ' \n' }, context)).toEqual({
      name: 'web-1',
      count: 1,
      description: undefined,
      availabilityZone: undefined,
      source: { kind: 'image', imageId: 'cirros' },
      flavorId: 'tiny',
      networks: [{ kind: 'network', networkId: 'net', fixedIp: undefined }],
      securityGroups: ['default'],
      keyName: undefined,
      userData: undefined,
      configDrive: false,
      metadata: {},
      serverGroupId: undefined,
    });
  });

  it('boots a volume snapshot on a new volume of the size chosen, and knows the size the snapshot gives', () => {
    expect(
      toServerCreateChoices({ ...valid, sourceKind: 'volume-snapshot', volumeSnapshotId: 'vs-5', volumeSizeGiB: 8, deleteOnTermination: false }, context).source,
    ).toEqual({ kind: 'volume-snapshot', volumeSnapshotId: 'vs-5', snapshotSizeGiB: 5, volumeSizeGiB: 8, deleteOnTermination: false });
  });
});
