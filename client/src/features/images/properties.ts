// Glance image properties as the edit form sees them, and the JSON patch (RFC 6902 as Glance's
// application/openstack-images-v2.1-json-patch expects it) that turns an image into the edited one.
import type { ImageRecord } from '../../resources/images/types';

/** Properties the form edits by name, beside the free-form ones. */
export const namedProperties = ['name', 'os_type', 'os_distro', 'os_version', 'architecture'] as const;
export type NamedProperty = (typeof namedProperties)[number];

/**
 * Properties Glance manages or that have their own action: never offered as free-form properties, and never
 * patched by the property editor (Glance refuses writes to most of them with 403).
 */
const reservedProperties = new Set<string>([
  'id', 'name', 'status', 'visibility', 'owner', 'size', 'virtual_size', 'min_disk', 'min_ram', 'disk_format',
  'container_format', 'protected', 'os_hidden', 'tags', 'created_at', 'updated_at', 'checksum', 'os_hash_algo',
  'os_hash_value', 'locations', 'direct_url', 'file', 'schema', 'self', 'stores',
  ...namedProperties,
]);

/** Extra properties (the seed's os_* and any custom key), sorted by key; Glance returns them as strings. */
export function customProperties(image: ImageRecord): [string, string][] {
  return Object.entries(image)
    .filter((entry): entry is [string, string] => !reservedProperties.has(entry[0]) && typeof entry[1] === 'string')
    .sort(([a], [b]) => a.localeCompare(b));
}

export interface PropertyInput {
  named: Record<NamedProperty, string>;
  min_disk: string;
  min_ram: string;
  /** Free-form key/value pairs, in the order the user wrote them. */
  custom: { key: string; value: string }[];
}

export function propertyInputOf(image: ImageRecord): PropertyInput {
  const named = Object.fromEntries(
    namedProperties.map((key) => [key, typeof image[key] === 'string' ? image[key] : '']),
  ) as Record<NamedProperty, string>;
  return {
    named,
    min_disk: String(image.min_disk),
    min_ram: String(image.min_ram),
    custom: customProperties(image).map(([key, value]) => ({ key, value })),
  };
}

export type PatchOperation =
  | { op: 'add' | 'replace'; path: string; value: string | number }
  | { op: 'remove'; path: string };

/** `/` and `~` in a key are escaped as RFC 6901 asks. */
const pointer = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

const isCount = (text: string) => /^\d+$/.test(text.trim());

/** Why the input cannot be sent (an i18n key under images.edit), or null. */
export function propertyInputProblem(input: PropertyInput): 'minDiskInvalid' | 'minRamInvalid' | 'keyMissing' | 'keyReserved' | 'keyRepeated' | null {
  if (!isCount(input.min_disk)) return 'minDiskInvalid';
  if (!isCount(input.min_ram)) return 'minRamInvalid';
  const keys = input.custom.map((entry) => entry.key.trim());
  if (keys.some((key, index) => key === '' && input.custom[index]!.value !== '')) return 'keyMissing';
  if (keys.some((key) => reservedProperties.has(key))) return 'keyReserved';
  const written = keys.filter((key) => key !== '');
  if (new Set(written).size !== written.length) return 'keyRepeated';
  return null;
}

/** The operations turning the image into the input: only what changed, nothing when nothing did. */
export function propertyPatch(image: ImageRecord, input: PropertyInput): PatchOperation[] {
  const operations: PatchOperation[] = [];
  const setString = (key: string, value: string) => {
    const current = image[key];
    if (current !== value) {
      operations.push({ op: current === undefined || current === null ? 'add' : 'replace', path: pointer(key), value });
    }
  };
  // An emptied named field unsets the property (the name, a Glance field, becomes empty); a free-form property
  // keeps an empty value (Glance's own owner_specified.* ones often are), the user removes it with its button.
  for (const key of namedProperties) {
    const value = input.named[key].trim();
    if (value === '' && key !== 'name') {
      if (typeof image[key] === 'string') operations.push({ op: 'remove', path: pointer(key) });
    } else setString(key, value);
  }
  for (const key of ['min_disk', 'min_ram'] as const) {
    const value = Number(input[key].trim());
    if (value !== image[key]) operations.push({ op: 'replace', path: pointer(key), value });
  }
  const kept = new Map(
    input.custom.filter((entry) => entry.key.trim() !== '').map((entry) => [entry.key.trim(), entry.value] as const),
  );
  for (const [key] of customProperties(image)) if (!kept.has(key)) operations.push({ op: 'remove', path: pointer(key) });
  for (const [key, value] of kept) setString(key, value);
  return operations;
}

/** The `openstack image set/unset` arguments doing the same as the patch. */
export function propertyCliArgs(operations: readonly PatchOperation[]): { set: string[]; unset: string[] } {
  const set: string[] = [];
  const unset: string[] = [];
  for (const operation of operations) {
    const key = operation.path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
    if (operation.op === 'remove') unset.push('--property', key);
    else if (key === 'name') set.push('--name', String(operation.value));
    else if (key === 'min_disk') set.push('--min-disk', String(operation.value));
    else if (key === 'min_ram') set.push('--min-ram', String(operation.value));
    else set.push('--property', `${key}=${operation.value}`);
  }
  return { set, unset };
}
