import { describe, expect, it } from 'vitest';
import {
  buildServerCreateCommand,
  buildServerCreateRequest,
  serverCreateCommandNotes,
  type ServerCreateChoices,
} from './server-create';
import { encodeUserData } from './user-data';

const minimal: ServerCreateChoices = {
  name: 'web-1',
  count: 1,
  source: { kind: 'image', imageId: 'img-1' },
  flavorId: 'flv-1',
  networks: [{ kind: 'network', networkId: 'net-1' }],
  securityGroups: ['default'],
  configDrive: false,
  metadata: {},
};

const everything: ServerCreateChoices = {
  name: 'web',
  count: 3,
  description: 'Front ends',
  availabilityZone: 'nova',
  source: { kind: 'image-to-volume', imageId: 'img-1', volumeSizeGiB: 20, deleteOnTermination: false },
  flavorId: 'flv-2',
  networks: [
    { kind: 'network', networkId: 'net-1', fixedIp: '10.0.0.7' },
    { kind: 'port', portId: 'port-9' },
    { kind: 'network', networkId: 'net-6', fixedIp: 'fd00::5' },
  ],
  securityGroups: ['default', 'web'],
  keyName: 'laptop',
  userData: '#cloud-config\nhostname: web\n',
  configDrive: true,
  metadata: { role: 'frontend', 'owner team': 'a=b' },
  serverGroupId: 'grp-1',
};

describe('buildServerCreateRequest', () => {
  it('boots a minimal server from an image on local disk, with no volume', () => {
    expect(buildServerCreateRequest(minimal, encodeUserData)).toEqual({
      server: {
        name: 'web-1',
        flavorRef: 'flv-1',
        imageRef: 'img-1',
        networks: [{ uuid: 'net-1' }],
        security_groups: [{ name: 'default' }],
        min_count: 1,
        max_count: 1,
      },
    });
  });

  it('sends every choice where Nova reads it', () => {
    const request = buildServerCreateRequest({ ...everything, source: { ...everything.source, deleteOnTermination: true } as ServerCreateChoices['source'] }, encodeUserData);
    expect(request).toEqual({
      server: {
        name: 'web',
        flavorRef: 'flv-2',
        block_device_mapping_v2: [
          { boot_index: 0, uuid: 'img-1', source_type: 'image', destination_type: 'volume', volume_size: 20, delete_on_termination: true },
        ],
        networks: [{ uuid: 'net-1', fixed_ip: '10.0.0.7' }, { port: 'port-9' }, { uuid: 'net-6', fixed_ip: 'fd00::5' }],
        security_groups: [{ name: 'default' }, { name: 'web' }],
        key_name: 'laptop',
        availability_zone: 'nova',
        description: 'Front ends',
        user_data: btoa('#cloud-config\nhostname: web\n'),
        config_drive: true,
        metadata: { role: 'frontend', 'owner team': 'a=b' },
        min_count: 3,
        max_count: 3,
      },
      'os:scheduler_hints': { group: 'grp-1' },
    });
    expect(request.server.imageRef).toBeUndefined();
  });

  it('boots from an existing volume without ever deleting it', () => {
    const request = buildServerCreateRequest({ ...minimal, source: { kind: 'volume', volumeId: 'vol-1' } }, encodeUserData);
    expect(request.server.block_device_mapping_v2).toEqual([
      { boot_index: 0, uuid: 'vol-1', source_type: 'volume', destination_type: 'volume', delete_on_termination: false },
    ]);
    expect(request.server.imageRef).toBeUndefined();
  });

  it('boots a volume snapshot on a new volume of the chosen size, deleted with the server if asked', () => {
    const source = { kind: 'volume-snapshot', volumeSnapshotId: 'vs-1', snapshotSizeGiB: 1, volumeSizeGiB: 2, deleteOnTermination: true } as const;
    const request = buildServerCreateRequest({ ...minimal, source }, encodeUserData);
    expect(request.server.block_device_mapping_v2).toEqual([
      { boot_index: 0, uuid: 'vs-1', source_type: 'snapshot', destination_type: 'volume', volume_size: 2, delete_on_termination: true },
    ]);
    expect(request.server.imageRef).toBeUndefined();
  });

  it('boots an instance snapshot like an image', () => {
    expect(buildServerCreateRequest({ ...minimal, source: { kind: 'snapshot', imageId: 'snap-1' } }, encodeUserData).server.imageRef).toBe('snap-1');
  });
});

describe('buildServerCreateCommand', () => {
  it('writes the minimal command', () => {
    expect(buildServerCreateCommand(minimal)).toEqual([
      'server', 'create', '--flavor', 'flv-1', '--image', 'img-1', '--nic', 'net-id=net-1', '--security-group', 'default', 'web-1',
    ]);
  });

  it('writes every option in the form the client parses', () => {
    expect(buildServerCreateCommand(everything)).toEqual([
      '--os-compute-api-version', '2.19',
      'server', 'create',
      '--flavor', 'flv-2',
      '--image', 'img-1', '--boot-from-volume', '20',
      '--nic', 'net-id=net-1,v4-fixed-ip=10.0.0.7',
      '--nic', 'port-id=port-9',
      '--nic', 'net-id=net-6,v6-fixed-ip=fd00::5',
      '--security-group', 'default', '--security-group', 'web',
      '--key-name', 'laptop',
      '--availability-zone', 'nova',
      '--description', 'Front ends',
      '--user-data', 'user-data.yaml',
      '--config-drive', 'true',
      '--property', 'role=frontend', '--property', 'owner team=a=b',
      '--hint', 'group=grp-1',
      '--min', '3', '--max', '3',
      'web',
    ]);
  });

  it('boots from a volume with --volume', () => {
    expect(buildServerCreateCommand({ ...minimal, source: { kind: 'volume', volumeId: 'vol-1' } })).toContain('--volume');
  });

  it("boots from a volume snapshot with the client's --snapshot (a Cinder snapshot, not an image)", () => {
    const source = { kind: 'volume-snapshot', volumeSnapshotId: 'vs-1', snapshotSizeGiB: 1, volumeSizeGiB: 1, deleteOnTermination: false } as const;
    const argv = buildServerCreateCommand({ ...minimal, source });
    expect(argv.slice(argv.indexOf('--snapshot'), argv.indexOf('--snapshot') + 2)).toEqual(['--snapshot', 'vs-1']);
    expect(argv).not.toContain('--image');
    // What --snapshot does by itself: the snapshot's size, kept after the server. Nothing to say.
    expect(serverCreateCommandNotes({ ...minimal, source })).toEqual([]);
    expect(serverCreateCommandNotes({ ...minimal, source: { ...source, volumeSizeGiB: 3, deleteOnTermination: true } })).toEqual([
      'volumeKept',
      'snapshotVolumeSize',
    ]);
  });

  it('says what the command cannot', () => {
    expect(serverCreateCommandNotes(minimal)).toEqual([]);
    expect(serverCreateCommandNotes(everything)).toEqual(['userDataFile']);
    expect(
      serverCreateCommandNotes({ ...minimal, source: { kind: 'image-to-volume', imageId: 'i', volumeSizeGiB: 1, deleteOnTermination: true } }),
    ).toEqual(['volumeKept']);
  });
});
