import { afterEach, describe, expect, it, vi } from 'vitest';
import { followedByCreated, requestsInOrder } from './follow-ups';
import { requestIdentity, runAction } from './run-action';
import type { ActionDeclaration, ActionRequest } from './types';

afterEach(() => {
  vi.unstubAllGlobals();
});

const createVolume = (bootable: boolean) =>
  followedByCreated<{ volume: { id: string } }>(
    { method: 'POST', path: '/api/os/block-storage/volumes', body: { volume: { size: 1 } } },
    ({ volume }) => volume.id,
    'apiViews.cli',
    (id) => (bootable ? [{ method: 'POST', path: `/api/os/block-storage/volumes/${encodeURIComponent(id)}/action`, body: { 'os-set_bootable': { bootable, id } } }] : []),
  );

describe('followedByCreated', () => {
  it('shows the follow-ups before anything is sent, a placeholder where the created id goes (path and body)', () => {
    const { requests, unknownFollowUps } = requestsInOrder([createVolume(true)]);
    expect(unknownFollowUps).toBe(false);
    expect(requests.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /api/os/block-storage/volumes',
      'POST /api/os/block-storage/volumes/<CLI>/action',
    ]);
    expect(requests[1]!.body).toEqual({ 'os-set_bootable': { bootable: true, id: '<CLI>' } });
    expect(requestsInOrder([createVolume(false)]).requests).toHaveLength(1);
  });

  it('sends the follow-ups with the id the service answered', async () => {
    const sent: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: string) => {
        sent.push(input);
        return Promise.resolve(Response.json({ volume: { id: 'v 1' } }));
      }),
    );
    const action: ActionDeclaration<null> = {
      id: 'create',
      label: 'apiViews.cli',
      unavailableReason: () => null,
      request: () => [createVolume(true)],
      cli: () => [],
    };
    const outcome = await runAction(action, null, undefined);
    expect(outcome.status).toBe('succeeded');
    expect(sent).toEqual(['/api/os/block-storage/volumes', '/api/os/block-storage/volumes/v%201/action']);
  });
});

describe('requestsInOrder', () => {
  it('flattens follow-ups depth first and says when some cannot be told beforehand', () => {
    const opaque: ActionRequest = { method: 'POST', path: '/a', followedBy: () => [{ method: 'POST', path: '/never-shown' }] };
    const nested: ActionRequest = {
      method: 'POST',
      path: '/1',
      previewFollowUps: () => [{ method: 'PUT', path: '/1.1', previewFollowUps: () => [{ method: 'PUT', path: '/1.1.1' }] }, { method: 'PUT', path: '/1.2' }],
    };
    const { requests, unknownFollowUps } = requestsInOrder([nested, opaque, { method: 'DELETE', path: '/2' }]);
    expect(requests.map((call) => call.path)).toEqual(['/1', '/1.1', '/1.1.1', '/1.2', '/a', '/2']);
    expect(unknownFollowUps).toBe(true);
  });
});

describe('requestsInOrder after a partial success', () => {
  it('leaves out what the service accepted and shows the follow-ups built from its real answer', () => {
    const create = createVolume(true);
    const accepted = new Map([[requestIdentity(create), { volume: { id: 'v-42' } }]]);
    expect(requestsInOrder([create], accepted).requests.map((call) => call.path)).toEqual(['/api/os/block-storage/volumes/v-42/action']);
  });
});
