// Where a web-download import stands, read from what Glance shows of it: the image's status and os_glance_*
// properties, and its import task when the cloud lists an image's tasks (API 2.12+).
import type { Image, ImageTask } from '../../../resources/images/types';

export type ImportStage = 'waiting' | 'importing' | 'active' | 'failed';

export interface ImportObservation {
  image: Image;
  /** The image's import task; undefined when the cloud does not list an image's tasks, or not yet. */
  task?: ImageTask;
}

/** The task an import made: a record made for the import has one, the newest if it was imported again. */
export function importTaskOf(tasks: readonly ImageTask[]): ImageTask | undefined {
  return tasks
    .filter((task) => task.type === 'api_image_import')
    .reduce<ImageTask | undefined>((newest, task) => (newest && newest.created_at >= task.created_at ? newest : task), undefined);
}

/**
 * Active when the data is in; failed when the task says so, or, without a task to read, when Glance put the
 * record back to queued with the store listed in os_glance_failed_import and no import holding it.
 */
export function importStage({ image, task }: ImportObservation): ImportStage {
  if (image.status === 'active') return 'active';
  if (task?.status === 'failure') return 'failed';
  if (image.status === 'killed' || image.status === 'deleted' || image.status === 'pending_delete') return 'failed';
  const failedStores = (image.os_glance_failed_import ?? '').trim();
  if (image.status === 'queued' && failedStores !== '' && !image.os_glance_import_task && task?.status !== 'processing') return 'failed';
  if (image.status === 'importing' || task?.status === 'processing') return 'importing';
  return 'waiting';
}

/** A task's failure as an error: the task's own message and the request id of the call that started it. */
export class ImportTaskFailure extends Error {
  override readonly name = 'ImportTaskFailure';

  constructor(
    message: string,
    readonly taskId?: string,
    readonly requestId?: string,
    /** The stores Glance lists in os_glance_failed_import. */
    readonly failedStores?: string,
  ) {
    super(message);
  }
}

export function importFailureOf({ image, task }: ImportObservation): ImportTaskFailure {
  const failedStores = image.os_glance_failed_import?.trim() || undefined;
  return new ImportTaskFailure(task?.message.trim() ?? '', task?.id, task?.request_id, failedStores);
}
