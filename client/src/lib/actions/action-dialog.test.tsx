// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { ActionDialog } from './action-dialog';
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
