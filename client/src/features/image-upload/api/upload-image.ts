// Create by upload, as Glance v2 wants it: the record first (POST /v2/images), then its data streamed
// (PUT /v2/images/{id}/file), then `protected` if asked. A record whose data did not make it is deleted, so a
// cancelled or failed upload leaves nothing behind.
import { api } from '../../../lib/api/client';
import { imagesPath } from '../../images/api/images';
import type { Image } from '../../images/types';
import { toImageCreateBody, type UploadFormValues } from '../model/upload-form';
import { putFile, type UploadScope } from './put-file';

export type UploadPhase = 'creating' | 'uploading' | 'protecting' | 'cleaning';

/** Why an upload ended without an image, and whether the record it had made is gone. */
export class UploadFailure extends Error {
  override readonly name = 'UploadFailure';

  constructor(
    /** The API's error, or an AbortError when the user cancelled. */
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

export interface UploadCallbacks {
  onPhase: (phase: UploadPhase) => void;
  onProgress: (loaded: number, total: number) => void;
}

const jsonPatchType = 'application/openstack-images-v2.1-json-patch';

function imagePath(id: string) {
  return `${imagesPath}/${encodeURIComponent(id)}`;
}

/** Returns the new image's id; throws an UploadFailure. */
export async function createImageFromFile(
  values: UploadFormValues,
  scope: UploadScope,
  signal: AbortSignal,
  { onPhase, onProgress }: UploadCallbacks,
): Promise<string> {
  const file = values.file;
  if (!file) throw new UploadFailure(new Error('No file chosen'), undefined);
  onPhase('creating');
  let image: Image;
  try {
    image = await api.post<Image>(imagesPath, toImageCreateBody(values), { signal });
  } catch (error) {
    throw new UploadFailure(error, undefined);
  }
  try {
    onPhase('uploading');
    await putFile({
      path: `${imagePath(image.id)}/file`,
      body: file,
      contentType: 'application/octet-stream',
      scope,
      signal,
      onUploadProgress: onProgress,
    });
    if (values.protected) {
      onPhase('protecting');
      await api.patch(imagePath(image.id), [{ op: 'replace', path: '/protected', value: true }], { contentType: jsonPatchType });
    }
    return image.id;
  } catch (error) {
    onPhase('cleaning');
    const cleanupError = await api.delete(imagePath(image.id)).then(
      () => undefined,
      (deleteError: unknown) => deleteError,
    );
    throw new UploadFailure(error, image.id, cleanupError);
  }
}
