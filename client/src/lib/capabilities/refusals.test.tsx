// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useActionRefusal, useActionSubmission } from '../actions/use-action-runner';
import { useResourceActions } from '../actions/use-resource-actions';
import type { ActionDeclaration } from '../actions/types';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { isKeyInScope } from '../api/query-keys';
import { ScopeContext, type Scope } from '../scope';
import { refusalOf } from './refusals';

vi.mock('../api/client', () => ({ api: { post: vi.fn(), delete: vi.fn() } }));
const del = vi.mocked(api.delete);
const post = vi.mocked(api.post);

interface Volume {
  id: string;
  name: string;
  project_id: string;
  status: string;
}

const demo: Scope = { region: 'RegionOne', projectId: 'p-demo', projectName: 'demo', services: [] };

const deleteVolume: ActionDeclaration<Volume> = {
  id: 'delete',
  label: 'actions.close',
  unavailableReason: (volume) => (volume.status === 'in-use' ? 'actions.failed' : null),
  request: (volume) => [{ method: 'DELETE', path: `/api/os/block-storage/volumes/${volume.id}` }],
  cli: () => [],
};
const createThing: ActionDeclaration<{ id: string; name: string }, string> = {
  id: 'create',
  label: 'actions.cancel',
  unavailableReason: () => null,
  request: (_project, name) => [{ method: 'POST', path: '/api/os/compute/things', body: { name } }],
  cli: () => [],
};

const mine = (id: string, status = 'available'): Volume => ({ id, name: id, project_id: 'p-demo', status });
const theirs: Volume = { id: 'shared-1', name: 'shared-1', project_id: 'p-admin', status: 'available' };
const policyRefusal = new ApiError(403, 'block-storage', 'Policy does not allow volume:delete to be performed.', 'req-403');

function setup() {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ScopeContext.Provider value={demo}>{children}</ScopeContext.Provider>
    </QueryClientProvider>
  );
  const view = renderHook(() => useResourceActions<Volume>({ actions: [deleteVolume], identify: (volume) => volume }), { wrapper });
  const reasonOf = (volume: Volume) => view.result.current.menuItems(volume)[0]!.unavailableReason;
  /** Deletes the volume from its menu and waits for the failure to show. */
  const attempt = async (volume: Volume) => {
    const before = view.result.current.failures.length;
    act(() => view.result.current.menuItems(volume)[0]!.onSelect());
    await vi.waitFor(() => expect(view.result.current.failures).toHaveLength(before + 1));
  };
  return { queryClient, wrapper, view, reasonOf, attempt };
}

beforeEach(() => {
  del.mockReset();
  post.mockReset();
});

describe('refusals by policy', () => {
  it("grey the action on the refused resource, with the service's reason, until an action on it succeeds", async () => {
    const { view, reasonOf, attempt } = setup();
    expect(reasonOf(mine('v1'))).toBeNull();

    del.mockRejectedValueOnce(policyRefusal);
    await attempt(mine('v1'));
    await vi.waitFor(() => expect(reasonOf(mine('v1'))).toBe('Not allowed here: Policy does not allow volume:delete to be performed.'));
    // Other resources keep the action: a service's 403 may be about this one's state (a protected image).
    expect(reasonOf(mine('v2'))).toBeNull();
    expect(reasonOf(theirs)).toBeNull();
    // The failure itself is shown as before.
    expect(view.result.current.failures).toHaveLength(1);

    // An action on v1 succeeds (the image unprotected, say): what was refused is offered again.
    del.mockResolvedValueOnce(undefined);
    act(() => view.result.current.menuItems(mine('v1'))[0]!.onSelect());
    await vi.waitFor(() => expect(reasonOf(mine('v1'))).toBeNull());
  });

  it('are not what other failures are: a conflict or a missing resource greys nothing', async () => {
    const { view, reasonOf, attempt } = setup();
    del.mockRejectedValueOnce(new ApiError(409, 'block-storage', 'Volume status must be available'));
    del.mockRejectedValueOnce(new ApiError(404, 'block-storage', 'Volume could not be found'));
    await attempt(mine('v1'));
    await attempt(mine('v2'));
    expect(view.result.current.failures).toHaveLength(2);
    expect(reasonOf(mine('v1'))).toBeNull();
  });

  it('are forgotten when the page leaves the scope (the session drops its cached answers)', async () => {
    const { queryClient, view, reasonOf, attempt } = setup();
    del.mockRejectedValueOnce(policyRefusal);
    await attempt(mine('v1'));
    await vi.waitFor(() => expect(reasonOf(mine('v1'))).not.toBeNull());

    // What adoptSession does on a project or region switch.
    act(() => queryClient.removeQueries({ predicate: (query) => isKeyInScope(query.queryKey, demo) }));
    view.rerender();
    expect(reasonOf(mine('v1'))).toBeNull();
  });

  it("are remembered from an action's own dialog too, for the button that opens it", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => ({ submission: useActionSubmission(createThing), refusal: useActionRefusal(createThing) }), { wrapper });
    expect(result.current.refusal).toBeUndefined();
    post.mockRejectedValueOnce(new ApiError(403, 'compute', 'Policy does not allow things:create to be performed.', 'req-9'));
    await act(() => result.current.submission.submit({ id: 'p-demo', name: 'demo' }, 'x'));
    expect(result.current.refusal).toEqual({ message: 'Policy does not allow things:create to be performed.', service: 'compute', requestId: 'req-9' });
  });
});

describe("a create's refusal", () => {
  const things = ['compute', 'RegionOne', 'p-demo', 'things'] as const;
  const createOne: ActionDeclaration<{ id: string; name: string }, string> = { ...createThing, affects: () => [things] };
  const deleteOne: ActionDeclaration<Volume> = { ...deleteVolume, label: 'actions.failed', affects: () => [things] };
  const createOther: ActionDeclaration<{ id: string; name: string }, string> = {
    ...createThing,
    label: 'actions.succeeded',
    affects: () => [['network', 'RegionOne', 'p-demo', 'networks']],
  };

  it('is lifted once an action changing what it would have made succeeds (a quota freed), not by another create', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => ({
        create: useActionSubmission(createOne),
        other: useActionSubmission(createOther),
        actions: useResourceActions<Volume>({ actions: [deleteOne], identify: (volume) => volume }),
        refusal: useActionRefusal(createOne),
      }),
      { wrapper },
    );
    // Nova answers 403 for a quota too: "Quota exceeded, too many key pairs."
    post.mockRejectedValueOnce(new ApiError(403, 'compute', 'Quota exceeded, too many key pairs.', 'req-q'));
    await act(() => result.current.create.submit({ id: 'p-demo', name: 'demo' }, 'k9'));
    expect(result.current.refusal?.message).toBe('Quota exceeded, too many key pairs.');

    // Another create, of something else, succeeds: nothing it changed makes room for the refused one.
    post.mockResolvedValueOnce({});
    await act(() => result.current.other.submit({ id: 'p-demo', name: 'demo' }, 'net'));
    expect(result.current.refusal?.message).toBe('Quota exceeded, too many key pairs.');

    // One of the things is deleted: the create is offered again.
    del.mockResolvedValueOnce(undefined);
    act(() => result.current.actions.menuItems(mine('k1'))[0]!.onSelect());
    await vi.waitFor(() => expect(result.current.refusal).toBeUndefined());
  });
});

describe('refusalOf', () => {
  it("takes a service's 403 only", () => {
    expect(refusalOf(new ApiError(403, 'zenith', 'CSRF token missing'))).toBeNull();
    expect(refusalOf(new Error('x'))).toBeNull();
    expect(refusalOf(new ApiError(403, 'image', 'Image is protected', 'req-1'))).toEqual({ message: 'Image is protected', service: 'image', requestId: 'req-1' });
  });
});
