// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { isKeyInScope } from '../api/query-keys';
import { ScopeContext, type Scope } from '../scope';
import { capabilityKeys, CapabilityUnknown, runProbe, type CapabilityProbe } from './capability';
import { refusalsKey } from './refusals';
import { useCapabilities, useCapability } from './use-capability';

vi.mock('../api/client', () => ({ api: { get: vi.fn(), post: vi.fn(), delete: vi.fn(), pageReadsSettled: () => Promise.resolve() } }));
const get = vi.mocked(api.get);
const post = vi.mocked(api.post);

const demo: Scope = { region: 'RegionOne', projectId: 'p-demo', projectName: 'demo', services: [] };
const other: Scope = { ...demo, projectId: 'p-other', projectName: 'other' };

const hypervisors: CapabilityProbe = {
  id: 'test.hypervisors',
  request: () => ({ method: 'GET', path: '/api/os/compute/os-hypervisors', params: { limit: 1 } }),
};

/** A write the service refuses after its policy check: that refusal means the policy let it through. */
const sharedNetwork: CapabilityProbe = {
  id: 'test.shared-network',
  request: (scope) => ({ method: 'POST', path: '/api/os/network/v2.0/networks', body: { network: { shared: true, project: scope.projectId } } }),
  read: (answer) =>
    !answer.ok && answer.error.status === 400 ? { state: 'allowed' } : { state: 'unknown', error: answer.ok ? 'made' : answer.error },
};

const forbidden = new ApiError(403, 'compute', "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.", 'req-403');

beforeEach(() => {
  get.mockReset();
  post.mockReset();
});

describe('runProbe', () => {
  it('reads an answer as allowed, and a 403 as not allowed with the service, its message and request id', async () => {
    get.mockResolvedValueOnce({ hypervisors: [] });
    expect(await runProbe(hypervisors, demo)).toEqual({ state: 'allowed' });
    expect(get).toHaveBeenCalledWith('/api/os/compute/os-hypervisors', expect.objectContaining({ params: { limit: 1 } }));

    get.mockRejectedValueOnce(forbidden);
    expect(await runProbe(hypervisors, demo)).toEqual({
      state: 'denied',
      reason: "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.",
      service: 'compute',
      requestId: 'req-403',
    });
  });

  it('cannot tell from any other failure, and says so with the error', async () => {
    const down = new ApiError(503, 'compute', 'Service Unavailable');
    get.mockRejectedValueOnce(down);
    const failure = await runProbe(hypervisors, demo).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CapabilityUnknown);
    expect((failure as CapabilityUnknown).cause).toBe(down);
  });

  it("lets the probe read a write's refusal past the policy check as allowed, in the probe's scope", async () => {
    post.mockRejectedValueOnce(new ApiError(400, 'network', 'Requested MTU is too big, maximum is 1450.'));
    expect(await runProbe(sharedNetwork, demo)).toEqual({ state: 'allowed' });
    expect(post).toHaveBeenCalledWith('/api/os/network/v2.0/networks', { network: { shared: true, project: 'p-demo' } }, expect.anything());

    post.mockRejectedValueOnce(new ApiError(403, 'network', '(rule:create_network and rule:create_network:shared) is disallowed by policy'));
    expect(await runProbe(sharedNetwork, demo)).toMatchObject({ state: 'denied', reason: '(rule:create_network and rule:create_network:shared) is disallowed by policy' });
  });
});

describe('capability keys', () => {
  it('sit under the scope, so leaving a project or region drops what was learnt in it', () => {
    expect(isKeyInScope(capabilityKeys.probe(demo, 'x'), demo)).toBe(true);
    expect(isKeyInScope(refusalsKey(demo), demo)).toBe(true);
    expect(isKeyInScope(capabilityKeys.probe(demo, 'x'), other)).toBe(false);
  });
});

describe('useCapability', () => {
  function setup(scope: Scope, queryClient = new QueryClient()) {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>
      </QueryClientProvider>
    );
    return { queryClient, wrapper };
  }

  it('is pending until the probe answers, then asks once per scope whoever asks', async () => {
    get.mockResolvedValue({ hypervisors: [] });
    const { queryClient, wrapper } = setup(demo);
    const first = renderHook(() => useCapability(hypervisors), { wrapper });
    expect(first.result.current).toEqual({ state: 'pending' });
    await waitFor(() => expect(first.result.current).toEqual({ state: 'allowed' }));

    const second = renderHook(() => useCapabilities([hypervisors]), { wrapper });
    expect(second.result.current).toEqual([{ state: 'allowed' }]);
    expect(get).toHaveBeenCalledTimes(1);

    // Another project is asked again.
    get.mockRejectedValue(forbidden);
    const elsewhere = renderHook(() => useCapability(hypervisors), { wrapper: setup(other, queryClient).wrapper });
    await waitFor(() => expect(elsewhere.result.current).toMatchObject({ state: 'denied', service: 'compute' }));
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('shows a probe that could not tell as unknown with its error, after asking again, and asks anew next time', async () => {
    const down = new ApiError(503, 'compute', 'Service Unavailable');
    get.mockRejectedValue(down);
    const { queryClient, wrapper } = setup(demo, new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } }));
    const { result, unmount } = renderHook(() => useCapability({ ...hypervisors, id: 'test.flaky' }), { wrapper });
    await waitFor(() => expect(result.current).toEqual({ state: 'unknown', error: down }), { timeout: 4000 });
    expect(get).toHaveBeenCalledTimes(2); // the probe and one retry
    unmount();

    get.mockResolvedValue({ hypervisors: [] });
    const again = renderHook(() => useCapability({ ...hypervisors, id: 'test.flaky' }), { wrapper: setup(demo, queryClient).wrapper });
    await waitFor(() => expect(again.result.current).toEqual({ state: 'allowed' }));
  });
});
