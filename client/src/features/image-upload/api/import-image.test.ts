import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialImportValues, type ImportFormValues } from '../model/import-form';
import { ImportTaskFailure } from '../model/import-progress';
import { ImageCreationFailure } from './creation';
import { createImageFromUrl, importPollIntervalMs, type ImportCallbacks } from './import-image';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const values: ImportFormValues = { ...initialImportValues, name: 'noble', diskFormat: 'qcow2', uri: ' https://images.example/noble.img ' };
const imagePath = '/api/os/image/v2/images/i1';

interface Call {
  method: string;
  url: string;
  body?: unknown;
}

/** Glance as a list of answers per "METHOD url"; an answer list is consumed in order, its last one repeats. */
function stubGlance(answers: Record<string, (() => Response)[]>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const call = { method: init?.method ?? 'GET', url: String(input), body: init?.body ? JSON.parse(init.body as string) : undefined };
      calls.push(call);
      const queue = answers[`${call.method} ${call.url}`];
      if (!queue?.length) return new Response('unexpected', { status: 500 });
      return (queue.length > 1 ? queue.shift()! : queue[0]!)();
    }),
  );
  return calls;
}

const record = (status: string, extra: Record<string, string> = {}) => () => Response.json({ id: 'i1', name: 'noble', status, ...extra });
const tasks = (status: string, message = '') => () =>
  Response.json({ tasks: [{ id: 't1', type: 'api_image_import', status, message, request_id: 'req-import', created_at: '2026-11-28T05:00:00Z', updated_at: '' }] });
const common = {
  'POST /api/os/image/v2/images': [record('queued')],
  'GET /api/versions/image': [() => Response.json({ serviceType: 'image', version: 'v2.15' })],
  [`DELETE ${imagePath}`]: [() => new Response(null, { status: 204 })],
};
const callbacks = () => ({ onPhase: vi.fn<ImportCallbacks['onPhase']>(), onObservation: vi.fn<ImportCallbacks['onObservation']>() });

describe('createImageFromUrl', () => {
  it('creates the record, asks for web-download of the trimmed URL, and follows the image and its task until active', async () => {
    vi.useFakeTimers();
    const calls = stubGlance({
      ...common,
      [`POST ${imagePath}/import`]: [() => new Response(null, { status: 202 })],
      [`GET ${imagePath}`]: [record('importing', { os_glance_import_task: 't1' }), record('active')],
      [`GET ${imagePath}/tasks`]: [tasks('processing', 'Copied 5 MiB'), tasks('success')],
    });
    const reports = callbacks();
    const done = createImageFromUrl(values, new AbortController().signal, reports);
    await vi.advanceTimersByTimeAsync(importPollIntervalMs);
    await expect(done).resolves.toMatchObject({ id: 'i1', status: 'active' });

    expect(calls.find((call) => call.url.endsWith('/import'))?.body).toEqual({ method: { name: 'web-download', uri: 'https://images.example/noble.img' } });
    expect(calls.find((call) => call.method === 'POST' && call.url.endsWith('/images'))?.body).not.toHaveProperty('protected');
    expect(reports.onPhase.mock.calls.map(([phase]) => phase)).toEqual(['creating', 'starting', 'importing']);
    expect(reports.onObservation.mock.calls.map(([seen]) => [seen.image.status, seen.task?.status, seen.task?.message])).toEqual([
      ['importing', 'processing', 'Copied 5 MiB'],
      ['active', 'success', ''],
    ]);
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
  });

  it('protects the image only once it is active', async () => {
    const calls = stubGlance({
      ...common,
      [`POST ${imagePath}/import`]: [() => new Response(null, { status: 202 })],
      [`GET ${imagePath}`]: [record('active')],
      [`GET ${imagePath}/tasks`]: [tasks('success')],
      [`PATCH ${imagePath}`]: [record('active')],
    });
    await createImageFromUrl({ ...values, protected: true }, new AbortController().signal, callbacks());
    expect(calls.at(-1)).toEqual({ method: 'PATCH', url: imagePath, body: [{ op: 'replace', path: '/protected', value: true }] });
  });

  it('deletes the record when Glance refuses to start the import, with Glance’s words', async () => {
    const calls = stubGlance({
      ...common,
      [`POST ${imagePath}/import`]: [
        () =>
          new Response('400 Bad Request\n\nURI for web-download does not pass filtering: https://images.example/noble.img', {
            status: 400,
            headers: { 'content-type': 'text/plain', 'x-openstack-request-id': 'req-refused' },
          }),
      ],
    });
    const failure = await createImageFromUrl(values, new AbortController().signal, callbacks()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImageCreationFailure);
    expect(failure).toMatchObject({ imageId: 'i1', cleanupError: undefined, cause: { status: 400, requestId: 'req-refused' } });
    expect((failure as ImageCreationFailure).message).toContain('does not pass filtering');
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: imagePath });
  });

  it('deletes the record when the task fails, and keeps the task’s message and request id', async () => {
    const calls = stubGlance({
      ...common,
      [`POST ${imagePath}/import`]: [() => new Response(null, { status: 202 })],
      [`GET ${imagePath}`]: [record('queued', { os_glance_failed_import: 'fs' })],
      [`GET ${imagePath}/tasks`]: [tasks('failure', 'Task failed due to Internal Error')],
    });
    const failure = (await createImageFromUrl(values, new AbortController().signal, callbacks()).catch((error: unknown) => error)) as ImageCreationFailure;
    expect(failure.cause).toBeInstanceOf(ImportTaskFailure);
    expect(failure.cause).toMatchObject({ message: 'Task failed due to Internal Error', taskId: 't1', requestId: 'req-import', failedStores: 'fs' });
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: imagePath });
  });

  it('makes no record-less cleanup when the record itself is refused', async () => {
    const calls = stubGlance({
      'POST /api/os/image/v2/images': [() => new Response('403 Forbidden\n\nnot allowed', { status: 403, headers: { 'content-type': 'text/plain' } })],
    });
    const failure = (await createImageFromUrl(values, new AbortController().signal, callbacks()).catch((error: unknown) => error)) as ImageCreationFailure;
    expect(failure.imageId).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('deletes the record when the user cancels while Glance imports', async () => {
    vi.useFakeTimers();
    const calls = stubGlance({
      ...common,
      [`POST ${imagePath}/import`]: [() => new Response(null, { status: 202 })],
      [`GET ${imagePath}`]: [record('importing')],
      [`GET ${imagePath}/tasks`]: [tasks('processing')],
    });
    const controller = new AbortController();
    const reports = callbacks();
    reports.onObservation.mockImplementation(() => controller.abort());
    const failure = (await createImageFromUrl(values, controller.signal, reports).catch((error: unknown) => error)) as ImageCreationFailure;
    expect(failure.cancelled).toBe(true);
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: imagePath });
  });

  it('reads again after a passing server error, and follows the image alone where tasks are not listed', async () => {
    vi.useFakeTimers();
    const calls = stubGlance({
      ...common,
      [`POST ${imagePath}/import`]: [() => new Response(null, { status: 202 })],
      [`GET ${imagePath}`]: [() => new Response('upstream down', { status: 503 }), record('importing'), record('active')],
      [`GET ${imagePath}/tasks`]: [() => new Response('404 Not Found', { status: 404 })],
    });
    const reports = callbacks();
    const done = createImageFromUrl(values, new AbortController().signal, reports);
    await vi.advanceTimersByTimeAsync(3 * importPollIntervalMs);
    await expect(done).resolves.toMatchObject({ status: 'active' });
    expect(reports.onObservation.mock.calls.map(([seen]) => [seen.image.status, seen.task])).toEqual([
      ['importing', undefined],
      ['active', undefined],
    ]);
    // Asked once or twice before the 404 was known, never after.
    const taskReads = calls.filter((call) => call.url.endsWith('/tasks')).length;
    expect(taskReads).toBeLessThanOrEqual(2);
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
  });

  it('gives up after repeated server errors and deletes the record', async () => {
    vi.useFakeTimers();
    const calls = stubGlance({
      ...common,
      [`POST ${imagePath}/import`]: [() => new Response(null, { status: 202 })],
      [`GET ${imagePath}`]: [() => new Response('upstream down', { status: 503 })],
      [`GET ${imagePath}/tasks`]: [tasks('processing')],
    });
    const done = createImageFromUrl(values, new AbortController().signal, callbacks()).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5 * importPollIntervalMs);
    const failure = (await done) as ImageCreationFailure;
    expect(failure.cause).toMatchObject({ status: 503 });
    expect(calls.filter((call) => call.method === 'GET' && call.url === imagePath)).toHaveLength(4);
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: imagePath });
  });
});
