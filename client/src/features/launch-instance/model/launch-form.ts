// The wizard's form: one set of values for every step (so going back and forth loses nothing), validated step by
// step against what the cloud said (quota, flavors, the image's minimums, the subnets), and turned into the
// choices the request and the command line are built from.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Flavor } from '../../../resources/flavors/types';
import type { Image } from '../../../resources/images/types';
import type { Subnet } from '../../../resources/networks/types';
import type { VolumeSnapshot } from '../../../resources/volume-snapshots/types';
import type { Volume } from '../../../resources/volumes/types';
import { flavorUnfitReason, maxLaunchCount, noRequirement, unlimitedQuota, type BootRequirement, type FlavorUnfitReason, type RemainingQuota } from './fit';
import { cidrContains, parseCidr, parseIp } from '../../../lib/net/ip';
import type { BootSource, ServerCreateChoices } from './server-create';
import { checkUserData, maxEncodedUserDataLength } from './user-data';

export type SourceKind = BootSource['kind'];

export interface NetworkEntry {
  kind: 'network' | 'port';
  /** Network id or port id. */
  id: string;
  /** Only for networks; empty = Neutron picks one. */
  fixedIp: string;
}

export interface LaunchFormValues {
  name: string;
  count: number;
  /** Empty: Nova chooses. */
  availabilityZone: string;
  description: string;
  sourceKind: SourceKind;
  /** Kept per kind, so trying another kind of source and coming back keeps the first choice. */
  imageId: string;
  snapshotId: string;
  volumeId: string;
  volumeSnapshotId: string;
  /** The new volume's size, for an image or a volume snapshot copied to a new volume. */
  volumeSizeGiB: number;
  deleteOnTermination: boolean;
  flavorId: string;
  networks: NetworkEntry[];
  securityGroups: string[];
  keyName: string;
  userData: string;
  configDrive: boolean;
  metadata: { key: string; value: string }[];
  serverGroupId: string;
}

export function initialLaunchValues(preselected: { imageId?: string; volumeId?: string; volumeSnapshotId?: string } = {}): LaunchFormValues {
  return {
    name: '',
    count: 1,
    availabilityZone: '',
    description: '',
    sourceKind: preselected.volumeSnapshotId ? 'volume-snapshot' : preselected.volumeId ? 'volume' : 'image',
    imageId: preselected.imageId ?? '',
    snapshotId: '',
    volumeId: preselected.volumeId ?? '',
    volumeSnapshotId: preselected.volumeSnapshotId ?? '',
    volumeSizeGiB: 1,
    deleteOnTermination: true,
    flavorId: '',
    networks: [],
    securityGroups: ['default'],
    keyName: '',
    userData: '',
    configDrive: false,
    metadata: [],
    serverGroupId: '',
  };
}

export const launchSteps = ['details', 'source', 'flavor', 'networks', 'access', 'configuration', 'summary'] as const;
export type LaunchStep = (typeof launchSteps)[number];

/** The fields each step validates before the next one opens. */
export const stepFields: Record<LaunchStep, (keyof LaunchFormValues)[]> = {
  details: ['name', 'count', 'availabilityZone', 'description'],
  source: ['sourceKind', 'imageId', 'snapshotId', 'volumeId', 'volumeSnapshotId', 'volumeSizeGiB'],
  flavor: ['flavorId'],
  networks: ['networks'],
  access: ['securityGroups', 'keyName'],
  configuration: ['userData', 'metadata', 'serverGroupId'],
  summary: [],
};

/** What the cloud told us that the values are checked against. */
export interface LaunchContext {
  /** Undefined while the quota is being read (or when it could not be): Nova still checks it. */
  remaining?: RemainingQuota;
  flavors: readonly Flavor[];
  /** Images and instance snapshots by id. */
  images: ReadonlyMap<string, Image>;
  volumes: ReadonlyMap<string, Volume>;
  /** Cinder volume snapshots by id. */
  volumeSnapshots: ReadonlyMap<string, VolumeSnapshot>;
  subnets: readonly Subnet[];
}

function numberProperty(metadata: Record<string, string> | undefined, name: string): number {
  const value = Number(metadata?.[name] ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/** The image (or snapshot) the values boot, if any. */
export function chosenImage(values: Pick<LaunchFormValues, 'sourceKind' | 'imageId' | 'snapshotId'>, context: Pick<LaunchContext, 'images'>) {
  if (values.sourceKind === 'volume' || values.sourceKind === 'volume-snapshot') return undefined;
  return context.images.get(values.sourceKind === 'snapshot' ? values.snapshotId : values.imageId);
}

export function bootRequirement(values: LaunchFormValues, context: Pick<LaunchContext, 'images' | 'volumes'>): BootRequirement {
  if (values.sourceKind === 'volume') {
    // Cinder copies the image's minimums into the volume when it is made from an image.
    const metadata = context.volumes.get(values.volumeId)?.volume_image_metadata;
    return { minDiskGiB: numberProperty(metadata, 'min_disk'), minRamMiB: numberProperty(metadata, 'min_ram'), volumeBacked: true };
  }
  // A snapshot's listing carries no image metadata: nothing to ask of the flavor but that the root disk is a volume.
  if (values.sourceKind === 'volume-snapshot') return { ...noRequirement, volumeBacked: true };
  const image = chosenImage(values, context);
  if (!image) return noRequirement;
  return {
    minDiskGiB: image.min_disk,
    minRamMiB: image.min_ram,
    imageSizeBytes: values.sourceKind === 'image-to-volume' ? undefined : (image.size ?? undefined),
    volumeBacked: values.sourceKind === 'image-to-volume',
  };
}

/** The smallest volume that holds the image: its min_disk, its size, and at least 1 GiB. */
export function minimumVolumeSizeGiB(image: Image | undefined): number {
  if (!image) return 1;
  const bytes = Math.max(image.size ?? 0, image.virtual_size ?? 0);
  return Math.max(1, image.min_disk, Math.ceil(bytes / 1024 ** 3));
}

/** A volume made from a volume snapshot is at least the snapshot's size (Cinder refuses smaller). */
export function minimumSnapshotVolumeSizeGiB(snapshot: Pick<VolumeSnapshot, 'size'> | undefined): number {
  return Math.max(1, snapshot?.size ?? 1);
}

export function flavorUnfitMessage(reason: FlavorUnfitReason, t: TFunction): string {
  return t(`launch-instance.flavor.unfit.${reason.code}`, {
    needed: reason.needed,
    remaining: 'remaining' in reason ? reason.remaining : 0,
  });
}

// Nova's names: printable characters, no leading or trailing space (parameter_types.name), 255 at most.
const novaNameMaxLength = 255;
const metadataMaxLength = 255;

export function launchFormSchema(context: LaunchContext, t: TFunction) {
  const remaining = context.remaining ?? unlimitedQuota;
  // Only the shapes here: zod skips refinements once a field has failed, and every rule below must run on
  // each change so that each step shows all of its problems at once.
  return z
    .object({
      name: z.string(),
      count: z.custom<number>((value) => typeof value === 'number'),
      availabilityZone: z.string(),
      description: z.string(),
      sourceKind: z.enum(['image', 'snapshot', 'volume', 'image-to-volume', 'volume-snapshot']),
      imageId: z.string(),
      snapshotId: z.string(),
      volumeId: z.string(),
      volumeSnapshotId: z.string(),
      volumeSizeGiB: z.custom<number>((value) => typeof value === 'number'),
      deleteOnTermination: z.boolean(),
      flavorId: z.string(),
      networks: z.array(z.object({ kind: z.enum(['network', 'port']), id: z.string(), fixedIp: z.string() })),
      securityGroups: z.array(z.string()),
      keyName: z.string(),
      userData: z.string(),
      configDrive: z.boolean(),
      metadata: z.array(z.object({ key: z.string(), value: z.string() })),
      serverGroupId: z.string(),
    })
    .superRefine((values, issues) => {
      const issue = (path: PropertyKey[], message: string) => issues.addIssue({ code: 'custom', path, message });
      if (values.name === '') issue(['name'], t('launch-instance.errors.nameRequired'));
      else if (values.name.length > novaNameMaxLength) issue(['name'], t('launch-instance.errors.tooLong', { max: novaNameMaxLength }));
      else if (values.name.trim() !== values.name) issue(['name'], t('launch-instance.errors.nameSpaces'));
      if (values.description.length > novaNameMaxLength) {
        issue(['description'], t('launch-instance.errors.tooLong', { max: novaNameMaxLength }));
      }
      if (!Number.isInteger(values.count)) issue(['count'], t('launch-instance.errors.countWhole'));
      else if (values.count < 1) issue(['count'], t('launch-instance.errors.countMin'));
      if (values.flavorId === '') issue(['flavorId'], t('launch-instance.errors.flavorRequired'));
      if (values.networks.length === 0) issue(['networks'], t('launch-instance.errors.networkRequired'));

      const flavor = context.flavors.find((candidate) => candidate.id === values.flavorId);
      const limit = maxLaunchCount(remaining, flavor);
      if (Number.isInteger(values.count) && values.count > limit.count) {
        issue(['count'], t(`launch-instance.errors.countOverQuota.${limit.limitedBy}`, { count: limit.count }));
      }

      if (values.sourceKind === 'image' || values.sourceKind === 'image-to-volume') {
        if (!values.imageId) issue(['imageId'], t('launch-instance.errors.imageRequired'));
      } else if (values.sourceKind === 'snapshot') {
        if (!values.snapshotId) issue(['snapshotId'], t('launch-instance.errors.snapshotRequired'));
      } else if (values.sourceKind === 'volume-snapshot') {
        if (!values.volumeSnapshotId) issue(['volumeSnapshotId'], t('launch-instance.errors.volumeSnapshotRequired'));
      } else if (!values.volumeId) {
        issue(['volumeId'], t('launch-instance.errors.volumeRequired'));
      }
      if (values.sourceKind === 'image-to-volume') {
        const minimum = minimumVolumeSizeGiB(context.images.get(values.imageId));
        if (!Number.isInteger(values.volumeSizeGiB) || values.volumeSizeGiB < minimum) {
          issue(['volumeSizeGiB'], t('launch-instance.errors.volumeSize', { min: minimum }));
        }
      }
      if (values.sourceKind === 'volume-snapshot') {
        const minimum = minimumSnapshotVolumeSizeGiB(context.volumeSnapshots.get(values.volumeSnapshotId));
        if (!Number.isInteger(values.volumeSizeGiB) || values.volumeSizeGiB < minimum) {
          issue(['volumeSizeGiB'], t('launch-instance.errors.snapshotVolumeSize', { min: minimum }));
        }
      }

      if (flavor) {
        const reason = flavorUnfitReason(flavor, bootRequirement(values, context), remaining, Number.isInteger(values.count) ? values.count : 1);
        if (reason) issue(['flavorId'], flavorUnfitMessage(reason, t));
      }

      const ports = new Set<string>();
      values.networks.forEach((entry, index) => {
        if (!entry.id) {
          issue(
            ['networks', index, 'id'],
            t(entry.kind === 'port' ? 'launch-instance.errors.portRequired' : 'launch-instance.errors.networkChoiceRequired'),
          );
          return;
        }
        if (entry.kind === 'port') {
          if (ports.has(entry.id)) issue(['networks', index, 'id'], t('launch-instance.errors.portTwice'));
          else if (values.count > 1) issue(['networks', index, 'id'], t('launch-instance.errors.portWithCount'));
          ports.add(entry.id);
          return;
        }
        const fixedIp = entry.fixedIp.trim();
        if (fixedIp === '') return;
        const path = ['networks', index, 'fixedIp'];
        const address = parseIp(fixedIp);
        if (!address) {
          issue(path, t('launch-instance.errors.ipInvalid'));
          return;
        }
        const subnets = context.subnets.filter((subnet) => subnet.network_id === entry.id);
        const inSubnet = (cidr: string) => {
          const range = parseCidr(cidr);
          return range !== null && cidrContains(range, address);
        };
        if (subnets.length > 0 && !subnets.some((subnet) => inSubnet(subnet.cidr))) {
          issue(path, t('launch-instance.errors.ipOutsideSubnets', { cidrs: subnets.map((subnet) => subnet.cidr).join(', ') }));
        }
        if (values.count > 1) issue(path, t('launch-instance.errors.ipWithCount'));
      });

      const userData = checkUserData(values.userData);
      if (userData.encodedLength > maxEncodedUserDataLength) {
        issue(
          ['userData'],
          t('launch-instance.errors.userDataTooLarge', { size: userData.encodedLength, max: maxEncodedUserDataLength, bytes: userData.bytes }),
        );
      } else if (!userData.sendable) {
        const errors = userData.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
        issue(['userData'], t('launch-instance.errors.userDataInvalid', { count: errors.length, line: errors[0]?.line ?? 1 }));
      }

      const keys = new Set<string>();
      values.metadata.forEach((entry, index) => {
        const key = entry.key.trim();
        if (key === '') issue(['metadata', index, 'key'], t('launch-instance.errors.metadataKeyRequired'));
        else if (keys.has(key)) issue(['metadata', index, 'key'], t('launch-instance.errors.metadataKeyTwice'));
        if (key.length > metadataMaxLength) {
          issue(['metadata', index, 'key'], t('launch-instance.errors.tooLong', { max: metadataMaxLength }));
        }
        if (entry.value.length > metadataMaxLength) {
          issue(['metadata', index, 'value'], t('launch-instance.errors.tooLong', { max: metadataMaxLength }));
        }
        keys.add(key);
      });
    });
}

function sourceOf(values: LaunchFormValues, context: Pick<LaunchContext, 'volumeSnapshots'>): BootSource {
  switch (values.sourceKind) {
    case 'image':
      return { kind: 'image', imageId: values.imageId };
    case 'snapshot':
      return { kind: 'snapshot', imageId: values.snapshotId };
    case 'volume':
      return { kind: 'volume', volumeId: values.volumeId };
    case 'image-to-volume':
      return {
        kind: 'image-to-volume',
        imageId: values.imageId,
        volumeSizeGiB: values.volumeSizeGiB,
        deleteOnTermination: values.deleteOnTermination,
      };
    case 'volume-snapshot':
      return {
        kind: 'volume-snapshot',
        volumeSnapshotId: values.volumeSnapshotId,
        // Unknown (not listed yet): assume the size chosen, rather than claim the command line differs.
        snapshotSizeGiB: context.volumeSnapshots.get(values.volumeSnapshotId)?.size ?? values.volumeSizeGiB,
        volumeSizeGiB: values.volumeSizeGiB,
        deleteOnTermination: values.deleteOnTermination,
      };
  }
}

export function toServerCreateChoices(values: LaunchFormValues, context: Pick<LaunchContext, 'volumeSnapshots'>): ServerCreateChoices {
  return {
    name: values.name,
    count: values.count,
    description: values.description.trim() || undefined,
    availabilityZone: values.availabilityZone || undefined,
    source: sourceOf(values, context),
    flavorId: values.flavorId,
    networks: values.networks.map((entry) =>
      entry.kind === 'port'
        ? { kind: 'port', portId: entry.id }
        : { kind: 'network', networkId: entry.id, fixedIp: entry.fixedIp.trim() || undefined },
    ),
    securityGroups: values.securityGroups,
    keyName: values.keyName || undefined,
    userData: values.userData.trim() === '' ? undefined : values.userData,
    configDrive: values.configDrive,
    metadata: Object.fromEntries(values.metadata.map((entry) => [entry.key.trim(), entry.value])),
    serverGroupId: values.serverGroupId || undefined,
  };
}
