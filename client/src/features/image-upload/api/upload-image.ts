// Create by upload, as Glance v2 wants it: the record first (POST /v2/images), then its data streamed
// (PUT /v2/images/{id}/file), then `protected` if asked. A record whose data did not make it is deleted, so a
// cancelled or failed upload leaves nothing behind.
import type { UploadFormValues } from '../model/upload-form';
import { createRecord, failureAfterRecord, ImageCreationFailure, imagePath, protectRecord } from './creation';
import { putFile, type UploadScope } from './put-file';

export type UploadPhase = 'creating' | 'uploading' | 'protecting' | 'cleaning';

export interface UploadCallbacks {
  onPhase: (phase: UploadPhase) => void;
  onProgress: (loaded: number, total: number) => void;
}

/** Returns the new image's id; throws an ImageCreationFailure. */
export async function createImageFromFile(
  values: UploadFormValues,
  scope: UploadScope,
  signal: AbortSignal,
  { onPhase, onProgress }: UploadCallbacks,
): Promise<string> {
  const file = values.file;
  if (!file) throw new ImageCreationFailure(new Error('No file chosen'), undefined);
  onPhase('creating');
  const image = await createRecord(values, signal);
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
      await protectRecord(image.id);
    }
    return image.id;
  } catch (error) {
    onPhase('cleaning');
    throw await failureAfterRecord(error, image.id);
  }
}
