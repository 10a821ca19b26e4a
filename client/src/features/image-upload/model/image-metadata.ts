// What every new image is described by, however its data arrives (upload or import from a URL): the values,
// their checks (Glance v2 image schema limits), the POST /v2/images body and the `openstack image create`
// options they make.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { ImageVisibility } from '../../../resources/images/types';
import { containerFormats, diskFormats } from './disk-format';

export const imageVisibilities = ['private', 'shared', 'community', 'public'] as const satisfies readonly ImageVisibility[];
export const osTypes = ['linux', 'windows'] as const;

/**
 * Names a free-form property may not take: the image's own attributes (Glance's image schema), the fields this
 * form sets itself, and what Glance reserves (`location`, `deleted`, `deleted_at`, the `os_glance` namespace).
 */
const reservedPropertyNames = new Set([
  'id', 'name', 'status', 'visibility', 'protected', 'os_hidden', 'checksum', 'os_hash_algo', 'os_hash_value', 'owner',
  'size', 'virtual_size', 'min_ram', 'min_disk', 'created_at', 'updated_at', 'tags', 'direct_url', 'locations', 'self',
  'file', 'schema', 'disk_format', 'container_format', 'stores', 'location', 'deleted', 'deleted_at',
  'os_type', 'architecture', 'os_distro', 'os_version',
]);
const reservedNamespace = 'os_glance';

// Glance stores names and property keys in 255-character columns; min_disk and min_ram are 32-bit integers.
export const longestText = 255;
const largestInteger = 2 ** 31 - 1;

export interface PropertyEntry {
  key: string;
  value: string;
}

export interface ImageMetadataValues {
  name: string;
  diskFormat: (typeof diskFormats)[number];
  containerFormat: (typeof containerFormats)[number];
  osType: '' | (typeof osTypes)[number];
  architecture: string;
  osDistro: string;
  osVersion: string;
  /** GiB; NaN while the field is empty. */
  minDisk: number;
  /** MiB; NaN while the field is empty. */
  minRam: number;
  visibility: (typeof imageVisibilities)[number];
  protected: boolean;
  properties: PropertyEntry[];
}

export const initialMetadataValues: ImageMetadataValues = {
  name: '',
  diskFormat: 'raw',
  containerFormat: 'bare',
  osType: '',
  architecture: '',
  osDistro: '',
  osVersion: '',
  minDisk: 0,
  minRam: 0,
  visibility: 'private',
  protected: false,
  properties: [],
};

/** A file name without its image extension, as the image's default name. */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/\.(qcow2?|raw|img|vmdk|vhdx?|vpc|vdi|iso|hds|ami|ari|aki)$/i, '').slice(0, longestText);
}

/** The checks of the metadata fields, to extend with the fields saying where the data comes from. */
export function imageMetadataShape(t: TFunction) {
  const text = z.string().trim().max(longestText, t('image-upload.errors.tooLong', { max: longestText }));
  // An emptied number field reads as NaN (no minimum); z.number() would refuse it with its own message.
  const size = z.custom<number>(
    (value) =>
      typeof value === 'number' && (Number.isNaN(value) || (Number.isInteger(value) && value >= 0 && value <= largestInteger)),
    { message: t('image-upload.errors.size', { max: largestInteger }) },
  );
  return {
    name: text.min(1, t('image-upload.errors.nameRequired')),
    diskFormat: z.enum(diskFormats),
    containerFormat: z.enum(containerFormats),
    osType: z.enum(['', ...osTypes]),
    architecture: text,
    osDistro: text,
    osVersion: text,
    minDisk: size,
    minRam: size,
    visibility: z.enum(imageVisibilities),
    protected: z.boolean(),
    properties: z
      .array(
        z.object({
          key: z
            .string()
            .trim()
            .min(1, t('image-upload.errors.keyRequired'))
            .max(longestText, t('image-upload.errors.tooLong', { max: longestText }))
            .refine((key) => !reservedPropertyNames.has(key) && !key.startsWith(reservedNamespace), {
              message: t('image-upload.errors.keyReserved'),
            }),
          value: z.string().max(65535, t('image-upload.errors.tooLong', { max: 65535 })),
        }),
      )
      .superRefine((entries, context) => {
        const seen = new Set<string>();
        entries.forEach((entry, index) => {
          if (entry.key !== '' && seen.has(entry.key)) {
            context.addIssue({ code: 'custom', path: [index, 'key'], message: t('image-upload.errors.keyDuplicate') });
          }
          seen.add(entry.key);
        });
      }),
  };
}

/** The form schema: the metadata checks and those of the fields saying where the data comes from. */
export function imageFormSchema<Source extends z.ZodRawShape>(t: TFunction, source: Source) {
  return z.object({ ...imageMetadataShape(t), ...source });
}

/** The body of POST /v2/images: Glance takes the extra properties as top-level string attributes. */
export type ImageCreateBody = Record<string, string | number | boolean>;

/**
 * `protected` is left out on purpose: a protected image cannot be deleted, so the record is protected only once
 * its data is in (see the upload and import flows), and a cancelled or failed one can always be cleaned up.
 */
export function toImageCreateBody(values: ImageMetadataValues): ImageCreateBody {
  const body: ImageCreateBody = {
    name: values.name.trim(),
    disk_format: values.diskFormat,
    container_format: values.containerFormat,
    visibility: values.visibility,
    min_disk: Number.isNaN(values.minDisk) ? 0 : values.minDisk,
    min_ram: Number.isNaN(values.minRam) ? 0 : values.minRam,
  };
  const optional = { os_type: values.osType, architecture: values.architecture, os_distro: values.osDistro, os_version: values.osVersion };
  for (const [key, value] of Object.entries(optional)) if (value.trim() !== '') body[key] = value.trim();
  for (const { key, value } of values.properties) body[key.trim()] = value;
  return body;
}

/** `openstack image create` with every metadata option, up to (not including) the data source and the name. */
export function imageCreateOptions(values: ImageMetadataValues): string[] {
  const body = toImageCreateBody(values);
  const argv = ['image', 'create', '--disk-format', values.diskFormat, '--container-format', values.containerFormat];
  argv.push(`--${values.visibility}`, values.protected ? '--protected' : '--unprotected');
  argv.push('--min-disk', String(body.min_disk), '--min-ram', String(body.min_ram));
  for (const [key, value] of Object.entries(body)) {
    if (['name', 'disk_format', 'container_format', 'visibility', 'min_disk', 'min_ram'].includes(key)) continue;
    argv.push('--property', `${key}=${String(value)}`);
  }
  return argv;
}
