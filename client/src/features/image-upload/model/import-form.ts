// The import form: the image's metadata and the URL the Image service downloads its data from (web-download).
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { formatFromName, type DiskFormat } from './disk-format';
import { imageCreateOptions, imageFormSchema, initialMetadataValues, nameFromFile, type ImageMetadataValues } from './image-metadata';

export interface ImportFormValues extends ImageMetadataValues {
  uri: string;
}

export const initialImportValues: ImportFormValues = { ...initialMetadataValues, uri: '' };

/** The URL as web-download takes it, or undefined: absolute, http or https (Glance's only schemes for it). */
export function importUrl(text: string): URL | undefined {
  if (!URL.canParse(text.trim())) return undefined;
  const url = new URL(text.trim());
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : undefined;
}

export function importFormSchema(t: TFunction) {
  return imageFormSchema(t, {
    uri: z
      .string()
      .trim()
      .min(1, { message: t('image-upload.errors.urlRequired'), abort: true })
      .refine((text) => importUrl(text) !== undefined, { message: t('image-upload.errors.url') }),
  });
}

/** What the URL's last path segment suggests: a name and a disk format (from its extension). */
export function suggestionsFromUrl(text: string): { name?: string; diskFormat?: DiskFormat } {
  const segment = importUrl(text)?.pathname.split('/').at(-1) ?? '';
  let fileName: string;
  try {
    fileName = decodeURIComponent(segment);
  } catch {
    // A stray % in the path: the segment as written.
    fileName = segment;
  }
  if (fileName === '') return {};
  return { name: nameFromFile(fileName), diskFormat: formatFromName(fileName) };
}

/**
 * The equivalent `openstack` argvs (without `openstack`): the record, then the import into it
 * (`openstack image import`, python-openstackclient 6.2 and later).
 */
export function imageImportArgv(values: ImportFormValues): string[][] {
  const name = values.name.trim();
  return [
    [...imageCreateOptions(values), name],
    ['image', 'import', '--method', 'web-download', '--uri', values.uri.trim() || '<url>', name],
  ];
}
