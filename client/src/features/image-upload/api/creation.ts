// What the upload and the import flows share: the record made first (POST /v2/images), deleted again when its
// data does not make it, and the failure that says why and whether the record is gone.
import { api } from '../../../lib/api/client';
import { imagesPath } from '../../../resources/images/images';
import type { Image } from '../../../resources/images/types';
import { toImageCreateBody, type ImageMetadataValues } from '../model/image-metadata';

/** Why a new image ended without data, and whether the record made for it is gone. */
export class ImageCreationFailure extends Error {
  override readonly name = 'ImageCreationFailure';

  constructor(
    /** The API's error, an ImportTaskFailure, or an AbortError when the user cancelled. */
    override readonly cause: unknown,
    /** The record created before the data, if any. */
    readonly imageId: string | undefined,
    /** Why deleting that record failed; undefined when it was deleted or never created. */
    readonly cleanupError?: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }

  get cancelled(): boolean {
    return this.cause instanceof DOMException && this.cause.name === 'AbortError';
  }
}

const jsonPatchType = 'application/openstack-images-v2.1-json-patch';

export function imagePath(id: string) {
  return `${imagesPath}/${encodeURIComponent(id)}`;
}

/** POST /v2/images; a refusal becomes an ImageCreationFailure without a record. */
export async function createRecord(values: ImageMetadataValues, signal: AbortSignal): Promise<Image> {
  try {
    return await api.post<Image>(imagesPath, toImageCreateBody(values), { signal });
  } catch (error) {
    throw new ImageCreationFailure(error, undefined);
  }
}

/** Protected is set last: a protected record could not be deleted if the data had not made it. */
export async function protectRecord(id: string): Promise<void> {
  await api.patch(imagePath(id), [{ op: 'replace', path: '/protected', value: true }], { contentType: jsonPatchType });
}

/** Deletes the record whose data did not make it and returns the failure saying so. */
export async function failureAfterRecord(cause: unknown, id: string): Promise<ImageCreationFailure> {
  const cleanupError = await api.delete(imagePath(id)).then(
    () => undefined,
    (deleteError: unknown) => deleteError,
  );
  return new ImageCreationFailure(cause, id, cleanupError);
}
