// Create by import from a URL (Glance's interoperable import, web-download): the record first (POST /v2/images),
// then the import request (POST /v2/images/{id}/import), then only that image and its tasks are read until the
// import settles. A record whose import could not start, failed or was cancelled is deleted; `protected` is set
// once the image is active.
import { ApiError } from '../../../lib/api/api-error';
import { api } from '../../../lib/api/client';
import { parseMicroversion } from '../../../lib/api/microversions';
import type { Image, ImageTask } from '../../../resources/images/types';
import type { ImportFormValues } from '../model/import-form';
import { importFailureOf, importStage, importTaskOf, type ImportObservation } from '../model/import-progress';
import { createRecord, failureAfterRecord, imagePath, protectRecord } from './creation';

export type ImportPhase = 'creating' | 'starting' | 'importing' | 'protecting' | 'cleaning';

export interface ImportCallbacks {
  onPhase: (phase: ImportPhase) => void;
  onObservation: (observation: ImportObservation) => void;
}

/** How often the image is read while Glance downloads: often enough to follow, rare enough for a real cloud. */
export const importPollIntervalMs = 1500;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => {
      clearTimeout(timer);
      reject(new DOMException('The import was cancelled', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', cancelled);
      resolve();
    }, ms);
    if (signal.aborted) cancelled();
    else signal.addEventListener('abort', cancelled, { once: true });
  });
}

/** GET /v2/images/{id}/tasks exists from Image API 2.12: older clouds are followed by the image alone. */
async function listsImageTasks(): Promise<boolean> {
  const version = parseMicroversion((await api.serviceVersions('image').catch(() => undefined))?.version);
  return version !== undefined && (version.major > 2 || (version.major === 2 && version.minor >= 12));
}

/** A reading of the progress that failed for a reason the next one may not have: no answer, or a server error. */
function isPassing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** How many readings in a row may fail that way before the import is given up (and its record deleted). */
const toleratedReadFailures = 3;

/**
 * The image's import task: null while there is none yet, undefined when the cloud turns out not to list an
 * image's tasks after all (404), so the image alone is followed from then on.
 */
async function readImportTask(id: string, signal: AbortSignal): Promise<ImageTask | null | undefined> {
  try {
    return importTaskOf((await api.get<{ tasks: ImageTask[] }>(`${imagePath(id)}/tasks`, { signal })).tasks) ?? null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** Returns the active image; throws an ImageCreationFailure (its cause an ImportTaskFailure when Glance failed it). */
export async function createImageFromUrl(
  values: ImportFormValues,
  signal: AbortSignal,
  { onPhase, onObservation }: ImportCallbacks,
): Promise<Image> {
  onPhase('creating');
  const record = await createRecord(values, signal);
  try {
    onPhase('starting');
    await api.post(`${imagePath(record.id)}/import`, { method: { name: 'web-download', uri: values.uri.trim() } }, { signal });
    onPhase('importing');
    let withTasks = await listsImageTasks();
    let failedReads = 0;
    for (;;) {
      let observation: ImportObservation;
      try {
        const [image, task] = await Promise.all([api.get<Image>(imagePath(record.id), { signal }), withTasks ? readImportTask(record.id, signal) : null]);
        if (task === undefined) withTasks = false;
        observation = { image, task: task ?? undefined };
        failedReads = 0;
      } catch (error) {
        if (!isPassing(error) || ++failedReads > toleratedReadFailures) throw error;
        await pause(importPollIntervalMs, signal);
        continue;
      }
      onObservation(observation);
      const stage = importStage(observation);
      if (stage === 'failed') throw importFailureOf(observation);
      if (stage === 'active') {
        if (values.protected) {
          onPhase('protecting');
          await protectRecord(record.id);
        }
        return observation.image;
      }
      await pause(importPollIntervalMs, signal);
    }
  } catch (error) {
    onPhase('cleaning');
    throw await failureAfterRecord(error, record.id);
  }
}
