// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { QueryScope } from '../api/query-keys';
import { api } from '../api/client';
import { ScopeContext, type Scope } from '../scope';
import { answerTo, runAction } from './run-action';
import type { ActionDeclaration, ActionRequest } from './types';
import { useActionRunner } from './use-action-runner';

vi.mock('../api/client', () => ({ api: { post: vi.fn(), put: vi.fn(), patch: vi.fn(), delete: vi.fn() } }));
const post = vi.mocked(api.post);

interface Draft {
  name: string;
  projects: string[];
}

const createRequest = ({ name }: Draft): ActionRequest<{ thing: { id: string } }> => ({ method: 'POST', path: '/things', body: { name } });

/** A create followed by one grant per project, each naming the id the create answered with. */
const createThing: ActionDeclaration<null, Draft> = {
  id: 'create',
  label: 'actions.close',
  unavailableReason: () => null,
  request: (_cloud, draft) => [
    {
      ...createRequest(draft),
      followedBy: ({ thing }: { thing: { id: string } }) => draft.projects.map((project) => ({ method: 'POST', path: `/things/${thing.id}/access`, body: { project } })),
    },
  ],
  cli: () => [],
};

const sentPaths = () => post.mock.calls.map(([path, body]) => `${path} ${JSON.stringify(body)}`);

beforeEach(() => {
  post.mockReset();
  post.mockImplementation(async (path: string) => (path === '/things' ? { thing: { id: 't1' } } : undefined));
});

describe('runAction', () => {
  it('builds the next calls from the answer of the previous one', async () => {
    const outcome = await runAction(createThing, null, { name: 'a', projects: ['p1', 'p2'] });
    expect(outcome.status).toBe('succeeded');
    expect(sentPaths()).toEqual(['/things {"name":"a"}', '/things/t1/access {"project":"p1"}', '/things/t1/access {"project":"p2"}']);
    expect(answerTo(outcome.accepted, createRequest({ name: 'a', projects: [] }))).toEqual({ thing: { id: 't1' } });
  });

  it('stops at the first refusal, and a retry sends only the calls not accepted yet, built from the remembered answer', async () => {
    const refusal = new ApiError(409, 'compute', 'Project p2 refused', 'req-2');
    post.mockImplementation(async (path: string, body?: unknown) => {
      if (path === '/things') return { thing: { id: 't1' } };
      if ((body as { project: string }).project === 'p2') throw refusal;
      return undefined;
    });
    const first = await runAction(createThing, null, { name: 'a', projects: ['p1', 'p2', 'p3'] });
    expect(first).toMatchObject({ status: 'failed', error: refusal });
    expect(sentPaths()).toHaveLength(3);

    post.mockClear();
    // The user replaced the refused project: the create and the first grant are not sent again.
    const retry = await runAction(createThing, null, { name: 'a', projects: ['p1', 'p4', 'p3'] }, first.accepted);
    expect(retry.status).toBe('succeeded');
    expect(sentPaths()).toEqual(['/things/t1/access {"project":"p4"}', '/things/t1/access {"project":"p3"}']);
  });
});

describe('a call that waits for what it acts on to settle', () => {
  const busy = new ApiError(409, 'load-balancer', 'Load Balancer lb1 is immutable and cannot be updated.');
  const settling = (until: () => Promise<void>): ActionDeclaration<null, undefined> => ({
    id: 'settling',
    label: 'actions.close',
    unavailableReason: () => null,
    request: () => [{ method: 'POST', path: '/children', body: {}, settle: { until, busy: (error) => error === busy } }],
    cli: () => [],
  });

  it('is sent once the wait is over, and again after each refusal saying it is still busy', async () => {
    const order: string[] = [];
    const until = vi.fn(async () => void order.push('wait'));
    post.mockImplementation(async () => {
      order.push('send');
      if (order.filter((step) => step === 'send').length < 3) throw busy;
      return { child: { id: 'c1' } };
    });
    const outcome = await runAction(settling(until), null, undefined);
    expect(outcome.status).toBe('succeeded');
    expect(order).toEqual(['wait', 'send', 'wait', 'send', 'wait', 'send']);
  });

  it('fails on any other refusal, and when the wait gives up', async () => {
    post.mockRejectedValueOnce(new ApiError(409, 'load-balancer', 'Another Listener on this Load Balancer is already using protocol HTTP and protocol_port 80'));
    expect((await runAction(settling(async () => undefined), null, undefined)).status).toBe('failed');
    post.mockReset();
    const outcome = await runAction(settling(() => Promise.reject(new Error('still pending'))), null, undefined);
    expect(outcome).toMatchObject({ status: 'failed', error: new Error('still pending') });
    expect(post).not.toHaveBeenCalled();
  });
});

describe('useActionRunner', () => {
  const scope: Scope = { region: 'RegionOne', projectId: 'project-1', projectName: 'demo', services: [] };
  const affected = vi.fn((runScope: QueryScope, thing: { id: string }) => [['compute', runScope.region, runScope.projectId, 'things', thing.id]]);
  const rename: ActionDeclaration<{ id: string }, string> = {
    id: 'rename',
    label: 'actions.close',
    unavailableReason: () => null,
    affects: affected,
    request: (thing, name) => [{ method: 'POST', path: `/things/${thing.id}`, body: { name } }],
    cli: () => [],
  };

  /** The runner in the scope, and the spy on what it asks the cache to read again. */
  function renderRunner(scopeOf?: (thing: { id: string }) => QueryScope) {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useActionRunner<{ id: string }>({ identify: (thing) => ({ id: thing.id, name: thing.id }), scopeOf }), { wrapper });
    return { result, invalidate };
  }

  it('reads again what the action declares it affects, after a success and after a refusal', async () => {
    const { result, invalidate } = renderRunner();

    post.mockRejectedValueOnce(new ApiError(403, 'compute', 'Policy refuses', 'req-3'));
    await act(() => result.current.run(rename, [{ id: 'x' }, { id: 'y' }], 'new'));
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['compute', 'RegionOne', 'project-1', 'things', 'x'],
      ['compute', 'RegionOne', 'project-1', 'things', 'y'],
    ]);
    expect(affected).toHaveBeenCalledWith(scope, { id: 'x' }, 'new');
    expect(result.current.failures.map((failure) => failure.resourceId)).toEqual(['x']);
  });

  it('reads a list the resources of a bulk action share once, not once per resource', async () => {
    const sharedList = { ...rename, affects: (runScope: QueryScope, thing: { id: string }) => [['compute', runScope.region, 'things', 'list'], ['compute', runScope.region, 'things', thing.id]] };
    const { result, invalidate } = renderRunner();

    await act(() => result.current.run(sharedList, [{ id: 'x' }, { id: 'y' }, { id: 'z' }], 'new'));
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['compute', 'RegionOne', 'things', 'list'],
      ['compute', 'RegionOne', 'things', 'x'],
      ['compute', 'RegionOne', 'things', 'y'],
      ['compute', 'RegionOne', 'things', 'z'],
    ]);
  });

  it("sends each resource's calls in its own scope when the page says where each lives, and reads again there", async () => {
    const where: Record<string, QueryScope> = { x: { projectId: 'project-2', region: 'RegionTwo' }, y: { projectId: 'project-1', region: 'RegionOne' } };
    const { result, invalidate } = renderRunner((thing) => where[thing.id]!);

    await act(() => result.current.run(rename, [{ id: 'x' }, { id: 'y' }], 'new'));
    expect(post.mock.calls.map(([path, , options]) => [path, options?.scope])).toEqual([
      ['/things/x', where.x],
      ['/things/y', where.y],
    ]);
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['compute', 'RegionTwo', 'project-2', 'things', 'x'],
      ['compute', 'RegionOne', 'project-1', 'things', 'y'],
    ]);
  });
});
