// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { ScopeContext, type Scope } from '../scope';
import { ActionDialog } from './action-dialog';
import { followedByCreated } from './follow-ups';
import { QuotaSourceContext, type QuotaQueryOptions } from './quota-source';
import { answerTo, requestIdentity } from './run-action';
import type { ActionDeclaration, ActionRequest, ResumableOutcome } from './types';

interface Thing {
  id: string;
  running: boolean;
}

const stop: ActionDeclaration<Thing> = {
  id: 'stop',
  label: 'actions.close',
  unavailableReason: (thing) => (thing.running ? null : 'common.retry'),
  request: (thing) => [{ method: 'POST', path: `/api/os/compute/servers/${thing.id}/action`, body: { 'os-stop': null } }],
  cli: (thing) => [['server', 'stop', thing.id]],
  bulk: true,
};

beforeAll(() => {
  // jsdom has <dialog> but no modal behaviour.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(cleanup);

function withQueries(children: ReactNode, quotaSource: QuotaQueryOptions | null = null) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <QuotaSourceContext.Provider value={quotaSource}>{children}</QuotaSourceContext.Provider>
    </QueryClientProvider>
  );
}

describe('ActionDialog in bulk', () => {
  it('runs only the resources whose state allows it, and gives each one its outcome', async () => {
    const things = [
      { id: 'a', running: true },
      { id: 'b', running: false },
      { id: 'c', running: true },
    ];
    const run = vi.fn(async (_action: unknown, targets: readonly Thing[]): Promise<ResumableOutcome[]> =>
      targets.map((target) =>
        target.id === 'c'
          ? { status: 'failed', error: new ApiError(409, 'compute', 'Instance c is locked', 'req-c'), accepted: new Map() }
          : { status: 'succeeded', accepted: new Map() },
      ),
    );
    render(withQueries(<ActionDialog action={stop} resources={things} nameOf={(thing) => thing.id} run={run} onClose={() => undefined} />));

    expect(screen.getByTestId('action-target-skipped').textContent).toBe('Skipped: Try again');
    expect(screen.getByTestId('cli-command').textContent).toBe('openstack server stop a\nopenstack server stop c');
    fireEvent.click(screen.getByTestId('action-submit'));

    await waitFor(() => expect(screen.getAllByTestId('action-target-outcome')).toHaveLength(2));
    expect(run.mock.calls[0]![1].map((thing: Thing) => thing.id)).toEqual(['a', 'c']);
    expect(screen.getAllByTestId('action-target-outcome').map((element) => element.textContent)).toEqual(['Done', 'Failed']);
    expect(screen.getByTestId('error-message').textContent).toBe('Instance c is locked');
    expect(screen.getByTestId('error-request-id').textContent).toBe('req-c');
  });
});

describe('ActionDialog with a quota impact', () => {
  const create: ActionDeclaration<Thing, { count: number }> = {
    id: 'create',
    label: 'actions.close',
    unavailableReason: () => null,
    request: () => [{ method: 'POST', path: '/api/os/network/v2.0/networks', body: {} }],
    cli: () => [['network', 'create', 'n']],
    input: {
      initial: () => ({ count: 1 }),
      Form: ({ value, onChange }) => (
        <button type="button" onClick={() => onChange({ count: value.count + 1 })}>
          more
        </button>
      ),
      quota: { service: 'network', adds: (input) => ({ networks: input.count }) },
    },
  };
  const quotaSource: QuotaQueryOptions = () => ({
    queryKey: ['network', 'RegionOne', 'p1', 'quota-usage'],
    queryFn: async () => [{ id: 'networks', used: 8, limit: 10 }],
  });

  it('shows what the request adds and refuses to send one that goes over the limit', async () => {
    const run = vi.fn(async (): Promise<ResumableOutcome[]> => [{ status: 'succeeded', accepted: new Map() }]);
    render(withQueries(<ActionDialog action={create} resources={[{ id: 'a', running: true }]} nameOf={(thing) => thing.id} run={run} onClose={() => undefined} />, quotaSource));

    await waitFor(() => expect(screen.getByTestId('quota-impact').textContent).toBe('Networks: 8 of 10 used, this adds 1'));
    expect(screen.getByTestId<HTMLButtonElement>('action-submit').disabled).toBe(false);
    fireEvent.click(screen.getByText('more'));
    fireEvent.click(screen.getByText('more'));
    expect(screen.getByTestId('quota-impact').textContent).toBe('Networks: 8 of 10 used, this adds 3: over the limit');
    expect(screen.getByTestId('action-invalid').textContent).toBe("This would go over the project's quota (see above).");
    expect(screen.getByTestId<HTMLButtonElement>('action-submit').disabled).toBe(true);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('ActionDialog with an answer to show', () => {
  const issueRequest = (thing: Thing): ActionRequest<{ secret: string }> => ({ method: 'POST', path: `/api/os/things/${thing.id}/secrets` });
  const issue: ActionDeclaration<Thing> = {
    id: 'issue',
    label: 'actions.close',
    unavailableReason: () => null,
    request: (thing) => [issueRequest(thing)],
    cli: (thing) => [['thing', 'secret', 'create', thing.id]],
    confirmation: { message: 'common.retry' },
    answer: {
      View: ({ resource, accepted }) => <p data-testid="secret">{answerTo(accepted, issueRequest(resource))?.secret}</p>,
    },
  };

  it('stays open after the success and shows what the service answered, with only a way to close', async () => {
    const thing = { id: 'a', running: true };
    const run = vi.fn(async (): Promise<ResumableOutcome[]> => [
      { status: 'succeeded', accepted: new Map([[requestIdentity(issueRequest(thing)), { secret: 's3cr3t' }]]) },
    ]);
    const onClose = vi.fn();
    render(withQueries(<ActionDialog action={issue} resources={[thing]} nameOf={(item) => item.id} run={run} onClose={onClose} />));

    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(screen.getByTestId('secret').textContent).toBe('s3cr3t'));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByTestId('action-submit')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('ActionDialog as CLI and HTTP', () => {
  const scope: Scope = {
    projectId: 'p1',
    projectName: 'demo',
    region: 'RegionOne',
    services: [
      { type: 'network', name: 'neutron', url: 'https://cloud.example:9696' },
      { type: 'compute', name: 'nova', url: 'https://cloud.example:8774/v2.1' },
    ],
  };
  const createNetwork: ActionDeclaration<Thing, { name: string; subnet: boolean }> = {
    id: 'create-network',
    label: 'actions.close',
    unavailableReason: () => null,
    request: (_thing, input) => [
      followedByCreated<{ network: { id: string } }>(
        { method: 'POST', path: '/api/os/network/v2.0/networks', body: { network: { name: input.name } } },
        ({ network }) => network.id,
        'apiViews.cli',
        (networkId) => (input.subnet ? [{ method: 'POST', path: '/api/os/network/v2.0/subnets', body: { subnet: { network_id: networkId } } }] : []),
      ),
    ],
    cli: (_thing, input) => [['network', 'create', input.name]],
    input: {
      initial: () => ({ name: "it's mine", subnet: true }),
      Form: ({ value, onChange }) => (
        <button type="button" onClick={() => onChange({ ...value, subnet: !value.subnet })}>
          toggle subnet
        </button>
      ),
    },
  };

  it('shows every request in order on the catalog endpoints, the follow-up with a placeholder', async () => {
    render(
      withQueries(
        <ScopeContext.Provider value={scope}>
          <ActionDialog action={createNetwork} resources={[{ id: 'a', running: true }]} nameOf={(thing) => thing.id} run={vi.fn()} onClose={() => undefined} />
        </ScopeContext.Provider>,
      ),
    );
    expect(screen.getByTestId('cli-command').textContent).toBe("openstack network create 'it'\\''s mine'");
    expect(screen.getByText('Show as CLI or HTTP')).toBeTruthy();
    expect(screen.queryByTestId('http-exchange')).toBeNull();
    fireEvent.click(screen.getByTestId('action-http-tab'));
    await waitFor(() => expect(screen.getAllByTestId('http-exchange-request')).toHaveLength(2));
    expect(screen.getAllByTestId('http-exchange-url').map((url) => url.textContent)).toEqual([
      'https://cloud.example:9696/v2.0/networks',
      'https://cloud.example:9696/v2.0/subnets',
    ]);
    const texts = screen.getAllByTestId('http-exchange-text').map((text) => text.textContent);
    expect(texts[0]).toContain('X-Auth-Token: $OS_TOKEN\nContent-Type: application/json');
    expect(texts[0]).toContain(`"name": "it's mine"`);
    expect(texts[1]).toContain('"network_id": "<CLI>"');

    fireEvent.click(screen.getByText('toggle subnet'));
    expect(screen.getAllByTestId('http-exchange-request')).toHaveLength(1);
  });

  it('shows the microversion the client would negotiate with the service', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((input: string) =>
        Promise.resolve(Response.json(input === '/api/versions/compute' ? { serviceType: 'compute', minMicroversion: '2.1', maxMicroversion: '2.90' } : {})),
      ),
    );
    const lock: ActionDeclaration<Thing> = {
      id: 'lock',
      label: 'actions.close',
      unavailableReason: () => null,
      request: (thing) => [{ method: 'POST', path: `/api/os/compute/servers/${thing.id}/action`, body: { lock: { locked_reason: 'x' } }, microversion: '2.95' }],
      cli: (thing) => [['server', 'lock', thing.id]],
      confirmation: { message: 'common.retry' },
    };
    render(
      withQueries(
        <ScopeContext.Provider value={scope}>
          <ActionDialog action={lock} resources={[{ id: 'a', running: true }]} nameOf={(thing) => thing.id} run={vi.fn()} onClose={() => undefined} />
        </ScopeContext.Provider>,
      ),
    );
    fireEvent.click(screen.getByTestId('action-http-tab'));
    await waitFor(() => expect(screen.getByTestId('http-exchange-text').textContent).toContain('OpenStack-API-Version: compute 2.90'));
    expect(screen.getByTestId('http-exchange-text').textContent).toContain('X-OpenStack-Nova-API-Version: 2.90');
    expect(screen.getByTestId('http-exchange-url').textContent).toBe('https://cloud.example:8774/v2.1/servers/a/action');
    vi.unstubAllGlobals();
  });
});
