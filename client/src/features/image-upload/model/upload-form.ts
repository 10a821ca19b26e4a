// The upload form: the image's metadata and the file its data comes from.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { imageCreateOptions, imageFormSchema, initialMetadataValues, toImageCreateBody, type ImageMetadataValues } from './image-metadata';

export interface UploadFormValues extends ImageMetadataValues {
  file: File | null;
}

export const initialUploadValues: UploadFormValues = { ...initialMetadataValues, file: null };

export function uploadFormSchema(t: TFunction) {
  return imageFormSchema(t, {
    file: z.custom<File | null>((value) => value instanceof File, { message: t('image-upload.errors.fileRequired') }),
  });
}

/** The equivalent `openstack` argv (without `openstack`), for the CLI view. */
export function imageCreateArgv(values: UploadFormValues): string[] {
  return [...imageCreateOptions(values), '--file', values.file?.name ?? '<file>', String(toImageCreateBody(values).name)];
}
