// The launch wizard's choices, turned into the two things that must agree: the body of Nova's POST /servers
// (API reference "Create Server") and the `openstack server create` command line that would do the same.
import type { CliArgv } from '../../../lib/actions/types';

export type BootSource =
  /** Boot from the compute host's local disk, a copy of the image (or instance snapshot, also an image). */
  | { kind: 'image' | 'snapshot'; imageId: string }
  /** Boot from an existing bootable volume. */
  | { kind: 'volume'; volumeId: string }
  /** Nova creates a volume from the image and boots from it. */
  | { kind: 'image-to-volume'; imageId: string; volumeSizeGiB: number; deleteOnTermination: boolean }
  /**
   * Nova has Cinder create a volume from the volume snapshot and boots from it. `snapshotSizeGiB` is the size the
   * command line's `--snapshot` gives that volume (it sends none, so Cinder uses the snapshot's).
   */
  | { kind: 'volume-snapshot'; volumeSnapshotId: string; snapshotSizeGiB: number; volumeSizeGiB: number; deleteOnTermination: boolean };

export type NetworkAttachment =
  | { kind: 'network'; networkId: string; fixedIp?: string }
  | { kind: 'port'; portId: string };

export interface ServerCreateChoices {
  name: string;
  count: number;
  description?: string;
  availabilityZone?: string;
  source: BootSource;
  flavorId: string;
  networks: NetworkAttachment[];
  securityGroups: string[];
  keyName?: string;
  /** The user data as typed; encoded in base64 for the API, a file for the CLI. */
  userData?: string;
  configDrive: boolean;
  metadata: Record<string, string>;
  serverGroupId?: string;
}

/**
 * The microversion the request is written for: 2.19 brought `description`; 2.67 `volume_type` in block devices,
 * so every field used here is understood, and nothing here changed meaning since.
 */
export const serverCreateMicroversion = '2.67';

export interface BlockDeviceMappingV2 {
  boot_index: number;
  uuid: string;
  source_type: 'image' | 'volume' | 'snapshot';
  destination_type: 'volume';
  volume_size?: number;
  delete_on_termination: boolean;
}

export interface ServerCreateRequest {
  server: {
    name: string;
    flavorRef: string;
    imageRef?: string;
    block_device_mapping_v2?: BlockDeviceMappingV2[];
    networks: ({ uuid: string; fixed_ip?: string } | { port: string })[];
    security_groups?: { name: string }[];
    key_name?: string;
    availability_zone?: string;
    description?: string;
    user_data?: string;
    config_drive?: boolean;
    metadata?: Record<string, string>;
    min_count: number;
    max_count: number;
  };
  'os:scheduler_hints'?: { group: string };
}

function bootDisk(source: BootSource): Pick<ServerCreateRequest['server'], 'imageRef' | 'block_device_mapping_v2'> {
  switch (source.kind) {
    case 'image':
    case 'snapshot':
      return { imageRef: source.imageId };
    case 'volume':
      // A volume the user chose existed before the server: never delete it with the server.
      return {
        block_device_mapping_v2: [
          { boot_index: 0, uuid: source.volumeId, source_type: 'volume', destination_type: 'volume', delete_on_termination: false },
        ],
      };
    case 'image-to-volume':
      return {
        block_device_mapping_v2: [
          {
            boot_index: 0,
            uuid: source.imageId,
            source_type: 'image',
            destination_type: 'volume',
            volume_size: source.volumeSizeGiB,
            delete_on_termination: source.deleteOnTermination,
          },
        ],
      };
    case 'volume-snapshot':
      return {
        block_device_mapping_v2: [
          {
            boot_index: 0,
            uuid: source.volumeSnapshotId,
            source_type: 'snapshot',
            destination_type: 'volume',
            volume_size: source.volumeSizeGiB,
            delete_on_termination: source.deleteOnTermination,
          },
        ],
      };
  }
}

export function buildServerCreateRequest(choices: ServerCreateChoices, encodeUserData: (text: string) => string): ServerCreateRequest {
  const metadata = Object.keys(choices.metadata).length > 0 ? choices.metadata : undefined;
  const request: ServerCreateRequest = {
    server: {
      name: choices.name,
      flavorRef: choices.flavorId,
      ...bootDisk(choices.source),
      networks: choices.networks.map((attachment) =>
        attachment.kind === 'port'
          ? { port: attachment.portId }
          : { uuid: attachment.networkId, ...(attachment.fixedIp ? { fixed_ip: attachment.fixedIp } : {}) },
      ),
      ...(choices.securityGroups.length > 0 ? { security_groups: choices.securityGroups.map((name) => ({ name })) } : {}),
      ...(choices.keyName ? { key_name: choices.keyName } : {}),
      ...(choices.availabilityZone ? { availability_zone: choices.availabilityZone } : {}),
      ...(choices.description ? { description: choices.description } : {}),
      ...(choices.userData ? { user_data: encodeUserData(choices.userData) } : {}),
      ...(choices.configDrive ? { config_drive: true } : {}),
      ...(metadata ? { metadata } : {}),
      min_count: choices.count,
      max_count: choices.count,
    },
  };
  if (choices.serverGroupId) request['os:scheduler_hints'] = { group: choices.serverGroupId };
  return request;
}

/** Where the command line expects the user data; the summary says to save it there. */
export const userDataFileName = 'user-data.yaml';

export type CommandNote = 'userDataFile' | 'volumeKept' | 'snapshotVolumeSize';

/** What the command line cannot say by itself, for the summary to explain next to it. */
export function serverCreateCommandNotes(choices: ServerCreateChoices): CommandNote[] {
  const notes: CommandNote[] = [];
  if (choices.userData) notes.push('userDataFile');
  // `--boot-from-volume` always keeps the volume, and the client refuses `--image` with a boot block device
  // (Nova: "Boot sequence ... not valid"), so "delete on terminate" has no command line equivalent.
  const { source } = choices;
  if ((source.kind === 'image-to-volume' || source.kind === 'volume-snapshot') && source.deleteOnTermination) notes.push('volumeKept');
  // `--snapshot` sends no size (the client's own mapping, and `--block-device` alone is refused without a disk
  // option in python-openstackclient 6): the volume is the snapshot's size.
  if (source.kind === 'volume-snapshot' && source.volumeSizeGiB !== source.snapshotSizeGiB) notes.push('snapshotVolumeSize');
  return notes;
}

/** The `openstack` argv (without `openstack`) creating the same server(s), by id where names could be ambiguous. */
export function buildServerCreateCommand(choices: ServerCreateChoices): CliArgv {
  const argv: string[] = [];
  // The client's default microversion (2.1) refuses --description.
  if (choices.description) argv.push('--os-compute-api-version', '2.19');
  argv.push('server', 'create', '--flavor', choices.flavorId);

  const { source } = choices;
  switch (source.kind) {
    case 'image':
    case 'snapshot':
      argv.push('--image', source.imageId);
      break;
    case 'volume':
      argv.push('--volume', source.volumeId);
      break;
    case 'image-to-volume':
      argv.push('--image', source.imageId, '--boot-from-volume', String(source.volumeSizeGiB));
      break;
    case 'volume-snapshot':
      // The client's `--snapshot` is a Cinder volume snapshot: boot index 0, a new volume, kept after the server.
      argv.push('--snapshot', source.volumeSnapshotId);
  }

  for (const attachment of choices.networks) {
    if (attachment.kind === 'port') argv.push('--nic', `port-id=${attachment.portId}`);
    else if (attachment.fixedIp) {
      const family = attachment.fixedIp.includes(':') ? 'v6' : 'v4';
      argv.push('--nic', `net-id=${attachment.networkId},${family}-fixed-ip=${attachment.fixedIp}`);
    } else argv.push('--nic', `net-id=${attachment.networkId}`);
  }
  for (const group of choices.securityGroups) argv.push('--security-group', group);
  if (choices.keyName) argv.push('--key-name', choices.keyName);
  if (choices.availabilityZone) argv.push('--availability-zone', choices.availabilityZone);
  if (choices.description) argv.push('--description', choices.description);
  if (choices.userData) argv.push('--user-data', userDataFileName);
  if (choices.configDrive) argv.push('--config-drive', 'true');
  for (const [key, value] of Object.entries(choices.metadata)) argv.push('--property', `${key}=${value}`);
  if (choices.serverGroupId) argv.push('--hint', `group=${choices.serverGroupId}`);
  if (choices.count > 1) argv.push('--min', String(choices.count), '--max', String(choices.count));
  argv.push(choices.name);
  return argv;
}
