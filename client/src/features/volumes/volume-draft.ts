// The volume forms' input turned into what Cinder and the CLI are sent, and the problems that stop a request before
// it goes out (a size below what the source needs, a per-type quota it would exceed): pure, so tested alone.
import { followedByCreated } from '../../lib/actions/follow-ups';
import type { ActionRequest, CliArgv } from '../../lib/actions/types';
import { volumeActionPath, volumesPath } from '../../resources/volumes/volumes';
import type { Volume } from '../../resources/volumes/types';
import type { NewVolume, TypeQuotaFigure, VolumeSettings } from './inputs';

const gib = 1024 ** 3;

/** A size typed in GiB: a whole number from 1, else null. */
export function parseSize(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const size = Number(trimmed);
  return size >= 1 ? size : null;
}

/**
 * The smallest volume an image fits in, as Cinder checks it before creating (cinder/volume/flows/api
 * create_volume.py): the image's min_disk, its size and its virtual size, each rounded up to whole GiB.
 */
export function imageMinimumGiB(image: { min_disk: number; size: number | null; virtual_size?: number | null }): number {
  return Math.max(image.min_disk, Math.ceil((image.size ?? 0) / gib), Math.ceil((image.virtual_size ?? 0) / gib), 1);
}

export const emptyNewVolume = (): NewVolume => ({
  source: 'blank',
  sourceId: '',
  minimumGiB: 1,
  name: '',
  description: '',
  size: '1',
  volumeType: '',
  availabilityZone: '',
  bootable: false,
  typeQuota: [],
});

/** The per-type quotas the new volume would exceed, with the numbers. */
export function typeQuotaExcesses(input: NewVolume): (TypeQuotaFigure & { adding: number })[] {
  const adds = { volumes: 1, gigabytes: parseSize(input.size) ?? 0 };
  return input.typeQuota.flatMap((figure) => {
    const adding = adds[figure.id];
    return figure.limit >= 0 && figure.used + adding > figure.limit ? [{ ...figure, adding }] : [];
  });
}

export type NewVolumeProblem = 'sourceMissing' | 'sizeInvalid' | 'sizeBelowSource' | 'typeQuota';

export function newVolumeProblem(input: NewVolume): NewVolumeProblem | null {
  if (input.source !== 'blank' && input.sourceId === '') return 'sourceMissing';
  const size = parseSize(input.size);
  if (size === null) return 'sizeInvalid';
  if (input.source !== 'blank' && size < input.minimumGiB) return 'sizeBelowSource';
  return typeQuotaExcesses(input).length > 0 ? 'typeQuota' : null;
}

const sourceField = { image: 'imageRef', snapshot: 'snapshot_id', volume: 'source_volid' } as const;
const sourceOption = { image: '--image', snapshot: '--snapshot', volume: '--source' } as const;

export function newVolumeBody(input: NewVolume) {
  return {
    volume: {
      size: parseSize(input.size),
      name: input.name.trim() || undefined,
      description: input.description.trim() || undefined,
      volume_type: input.volumeType || undefined,
      availability_zone: input.availabilityZone || undefined,
      ...(input.source === 'blank' ? {} : { [sourceField[input.source]]: input.sourceId }),
    },
  };
}

/**
 * Whether the create is followed by os-set_bootable: Cinder marks a volume made from an image bootable itself and
 * copies the flag from a snapshot's or volume's source, but its create body has no bootable field.
 */
export const needsBootableCall = (input: NewVolume) => input.bootable && input.source !== 'image';

export function setBootableRequest(id: string, bootable: boolean): ActionRequest {
  return { method: 'POST', path: volumeActionPath(id), body: { 'os-set_bootable': { bootable } } };
}

export function newVolumeCreateRequest(input: NewVolume): ActionRequest<{ volume: Volume }> {
  return followedByCreated<{ volume: Volume }>(
    { method: 'POST', path: volumesPath, body: newVolumeBody(input) },
    ({ volume }) => volume.id,
    'volumes.http.createdVolume',
    (volumeId) => (needsBootableCall(input) ? [setBootableRequest(volumeId, true)] : []),
  );
}

export function newVolumeCli(input: NewVolume): CliArgv[] {
  const name = input.name.trim();
  const create = [
    'volume',
    'create',
    '--size',
    String(parseSize(input.size) ?? input.size.trim()),
    ...(input.source === 'blank' ? [] : [sourceOption[input.source], input.sourceId]),
    ...(input.volumeType ? ['--type', input.volumeType] : []),
    ...(input.availabilityZone ? ['--availability-zone', input.availabilityZone] : []),
    ...(input.description.trim() ? ['--description', input.description.trim()] : []),
    ...(needsBootableCall(input) ? ['--bootable'] : []),
    ...(name ? [name] : []),
  ];
  return [create];
}

export const volumeSettingsOf = (volume: Volume): VolumeSettings => ({ name: volume.name ?? '', description: volume.description ?? '' });

/** Only what changed is sent: Cinder keeps the rest. */
export function volumeSettingsChanges(volume: Volume, settings: VolumeSettings): Partial<VolumeSettings> {
  const changes: Partial<VolumeSettings> = {};
  if (settings.name.trim() !== (volume.name ?? '')) changes.name = settings.name.trim();
  if (settings.description.trim() !== (volume.description ?? '')) changes.description = settings.description.trim();
  return changes;
}

/**
 * Keys Cinder adds to a volume's metadata from its admin metadata (cinder/api/api_utils.py): shown, but set by
 * their own actions (read-only) or by Nova (attach mode), never edited as metadata.
 */
export const cinderMetadataKeys = new Set(['readonly', 'attached_mode']);

export const userMetadata = (volume: Volume): [string, string][] =>
  Object.entries(volume.metadata ?? {}).filter(([key]) => !cinderMetadataKeys.has(key));

export const metadataText = (volume: Volume) => userMetadata(volume).map(([key, value]) => `${key}=${value}`).join('\n');

export type MetadataProblem = 'metadataLine' | 'metadataReserved' | 'metadataTooLong' | 'unchanged';

/** `key=value` lines (blank lines ignored) as pairs, or the first line that is not one. */
export function parseMetadata(text: string): { pairs: [string, string][]; problem: MetadataProblem | null } {
  const pairs: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    const key = equals > 0 ? line.slice(0, equals).trim() : '';
    if (key === '') return { pairs, problem: 'metadataLine' };
    if (cinderMetadataKeys.has(key)) return { pairs, problem: 'metadataReserved' };
    const value = line.slice(equals + 1).trim();
    // Cinder's metadata schema: keys and values up to 255 characters.
    if (key.length > 255 || value.length > 255) return { pairs, problem: 'metadataTooLong' };
    pairs.push([key, value]);
  }
  return { pairs, problem: null };
}

/** What to set (new or changed keys) and unset (keys no longer there). */
export function metadataChanges(volume: Volume, text: string): { set: Record<string, string>; unset: string[] } {
  const current = new Map(userMetadata(volume));
  const wanted = new Map(parseMetadata(text).pairs);
  const set = Object.fromEntries([...wanted].filter(([key, value]) => current.get(key) !== value));
  const unset = [...current.keys()].filter((key) => !wanted.has(key));
  return { set, unset };
}

export function metadataProblem(volume: Volume, text: string): MetadataProblem | null {
  const { problem } = parseMetadata(text);
  if (problem) return problem;
  const { set, unset } = metadataChanges(volume, text);
  return Object.keys(set).length === 0 && unset.length === 0 ? 'unchanged' : null;
}
