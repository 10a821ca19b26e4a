import { afterEach, describe, expect, it, vi } from 'vitest';
import { listCodec, stackListParams } from './list-state';
import { heatStatusTone, isStackPollingDone, splitStatus } from './stack-state';
import { fetchStackEvents, fetchStackPage, stackPath, validateTemplate } from './stacks';
import type { Stack } from './types';

afterEach(() => vi.unstubAllGlobals());

function recordFetch(answer: unknown, init?: ResponseInit) {
  const calls: { url: string; init?: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, requestInit?: RequestInit) => {
      calls.push({ url: String(input), init: requestInit });
      return Response.json(answer, init);
    }),
  );
  return calls;
}

describe('stack list state', () => {
  it("sends a status filter as Heat's action and outcome columns, one row more than the page", () => {
    const state = listCodec.parse(new URLSearchParams('status=CREATE_FAILED&name=web&limit=50'));
    expect(stackListParams(state)).toEqual({
      limit: 51,
      sort_keys: 'creation_time',
      sort_dir: 'desc',
      name: 'web',
      action: 'CREATE',
      status: 'FAILED',
    });
  });

  it('reads backwards from the first row of the next page with the sort reversed', () => {
    const state = listCodec.parse(new URLSearchParams('before=s9&sort=stack_name&dir=asc&status=nonsense'));
    expect(stackListParams(state)).toEqual({ limit: 21, sort_keys: 'stack_name', sort_dir: 'desc', marker: 's9' });
  });
});

describe('stack state', () => {
  it('splits statuses into action and outcome', () => {
    expect(splitStatus('UPDATE_IN_PROGRESS')).toEqual({ action: 'UPDATE', outcome: 'IN_PROGRESS' });
    expect(splitStatus('ROLLBACK_FAILED')).toEqual({ action: 'ROLLBACK', outcome: 'FAILED' });
    expect(splitStatus('weird')).toEqual({ action: 'weird', outcome: null });
    expect([heatStatusTone('CREATE_COMPLETE'), heatStatusTone('CHECK_FAILED'), heatStatusTone('DELETE_IN_PROGRESS')]).toEqual([
      'ok',
      'error',
      'busy',
    ]);
  });

  it('keeps polling a settled stack until an answer read after the write shows its effect', () => {
    const stack = { stack_status: 'CREATE_COMPLETE' } as Stack;
    const watch = { since: 1000, done: (s: Stack) => s.stack_status.startsWith('SUSPEND') };
    expect(isStackPollingDone(stack, 900, watch)).toBe(false);
    expect(isStackPollingDone(stack, 1100, watch)).toBe(false);
    expect(isStackPollingDone({ stack_status: 'SUSPEND_COMPLETE' } as Stack, 1100, watch)).toBe(true);
    expect(isStackPollingDone({ stack_status: 'SUSPEND_FAILED' } as Stack, 1100, watch)).toBe(true);
    expect(isStackPollingDone({ stack_status: 'SUSPEND_IN_PROGRESS' } as Stack, 1100, undefined)).toBe(false);
  });
});

describe('stacks', () => {
  it('addresses a stack by name and id, never by name alone (Heat would redirect to itself)', () => {
    expect(stackPath({ name: 'web tier', id: 'a/b' })).toBe('/api/os/orchestration/stacks/web%20tier/a%2Fb');
  });

  it('says whether another page follows from the extra row', async () => {
    const calls = recordFetch({ stacks: [{ id: 's1' }, { id: 's2' }, { id: 's3' }] });
    const page = await fetchStackPage(listCodec.parse(new URLSearchParams('limit=10')));
    expect(page.hasMore).toBe(false);
    expect(calls[0]!.url).toBe('/api/os/orchestration/stacks?limit=11&sort_keys=creation_time&sort_dir=desc');
  });

  it('asks only for the events after the last one read', async () => {
    const calls = recordFetch({ events: [] });
    await fetchStackEvents({ name: 'web', id: 's1' }, { marker: 'e7' });
    expect(calls[0]!.url).toBe('/api/os/orchestration/stacks/web/s1/events?sort_dir=asc&sort_keys=event_time&marker=e7');
  });

  it("shows Heat's own reason for refusing a template, with its request id", async () => {
    recordFetch(
      { explanation: 'The server could not comply', code: 400, error: { message: 'The template version is invalid', type: 'InvalidTemplateVersion' }, title: 'Bad Request' },
      { status: 400, headers: { 'x-openstack-request-id': 'req-heat-1' } },
    );
    await expect(validateTemplate({ template: 'nope: 1' })).rejects.toMatchObject({
      status: 400,
      message: 'The template version is invalid',
      requestId: 'req-heat-1',
    });
  });
});
