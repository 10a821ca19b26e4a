// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { ApiError } from '../api/api-error';
import { ActionDialog } from './action-dialog';
import type { ActionDeclaration, ActionOutcome } from './types';

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

describe('ActionDialog in bulk', () => {
  it('runs only the resources whose state allows it, and gives each one its outcome', async () => {
    const things = [
      { id: 'a', running: true },
      { id: 'b', running: false },
      { id: 'c', running: true },
    ];
    const run = vi.fn(async (_action: unknown, targets: readonly Thing[]): Promise<ActionOutcome[]> =>
      targets.map((target) =>
        target.id === 'c' ? { status: 'failed', error: new ApiError(409, 'compute', 'Instance c is locked', 'req-c') } : { status: 'succeeded' },
      ),
    );
    render(<ActionDialog action={stop} resources={things} nameOf={(thing) => thing.id} run={run} onClose={() => undefined} />);

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
