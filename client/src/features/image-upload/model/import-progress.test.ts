import { describe, expect, it } from 'vitest';
import type { Image, ImageTask } from '../../../resources/images/types';
import { importFailureOf, importStage, importTaskOf } from './import-progress';

const image = (status: Image['status'], extra: Partial<Image> = {}) => ({ id: 'i1', status, ...extra }) as Image;
const task = (status: ImageTask['status'], extra: Partial<ImageTask> = {}): ImageTask => ({
  id: 't1',
  type: 'api_image_import',
  status,
  message: '',
  created_at: '2026-11-28T05:00:00Z',
  updated_at: '2026-11-28T05:00:00Z',
  ...extra,
});

describe('importStage', () => {
  it('follows queued → importing → active', () => {
    expect(importStage({ image: image('queued', { os_glance_import_task: 't1' }), task: task('pending') })).toBe('waiting');
    expect(importStage({ image: image('queued', { os_glance_import_task: 't1' }), task: task('processing') })).toBe('importing');
    expect(importStage({ image: image('importing') })).toBe('importing');
    expect(importStage({ image: image('active'), task: task('success') })).toBe('active');
  });

  it('sees a failure in the task, or without tasks in the image put back to queued with a failed store', () => {
    expect(importStage({ image: image('queued', { os_glance_failed_import: 'fs' }), task: task('failure') })).toBe('failed');
    expect(importStage({ image: image('queued', { os_glance_failed_import: 'fs', os_glance_importing_to_stores: '' }) })).toBe('failed');
    expect(importStage({ image: image('killed') })).toBe('failed');
    // Still locked by its task: a retry of a failed store, not an end.
    expect(importStage({ image: image('queued', { os_glance_failed_import: 'fs', os_glance_import_task: 't2' }) })).toBe('waiting');
  });
});

describe('importTaskOf', () => {
  it('takes the newest import task of the image', () => {
    const tasks = [
      task('failure', { id: 'old', created_at: '2026-11-28T04:00:00Z' }),
      task('processing', { id: 'new', created_at: '2026-11-28T05:00:00Z' }),
      task('success', { id: 'other', type: 'location_import', created_at: '2026-11-28T06:00:00Z' }),
    ];
    expect(importTaskOf(tasks)?.id).toBe('new');
    expect(importTaskOf([])).toBeUndefined();
  });
});

describe('importFailureOf', () => {
  it('keeps the task’s message, its request id and the failed stores', () => {
    const failure = importFailureOf({
      image: image('queued', { os_glance_failed_import: 'fs' }),
      task: task('failure', { message: ' Task failed due to Internal Error ', request_id: 'req-1' }),
    });
    expect(failure).toMatchObject({ message: 'Task failed due to Internal Error', taskId: 't1', requestId: 'req-1', failedStores: 'fs' });
  });
});
