// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScopeContext } from '../scope';
import type { MenuItem } from '../ui/menu';
import type { ActionDeclaration } from './types';
import { useResourceActions } from './use-resource-actions';

interface Thing {
  id: string;
  name: string;
  running: boolean;
}

const start: ActionDeclaration<Thing> = {
  id: 'start',
  label: 'actions.close',
  unavailableReason: (thing) => (thing.running ? 'common.retry' : null),
  request: (thing) => [{ method: 'POST', path: `/api/os/compute/servers/${thing.id}/action`, body: { 'os-start': null } }],
  cli: (thing) => [['server', 'start', thing.id]],
};
const remove: ActionDeclaration<Thing> = {
  ...start,
  id: 'delete',
  unavailableReason: () => null,
  request: (thing) => [{ method: 'DELETE', path: `/api/os/compute/servers/${thing.id}` }],
  cli: (thing) => [['server', 'delete', thing.id]],
  confirmation: { message: 'common.retry', destructive: true },
};

beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(cleanup);

function Harness({ thing }: { thing: Thing }) {
  const actions = useResourceActions<Thing>({ actions: [start, remove], identify: (item) => item });
  return (
    <>
      {actions.menuItems(thing).map((item: MenuItem) => (
        <button key={item.id} type="button" data-testid={`item-${item.id}`} onClick={item.onSelect}>
          {item.label}
        </button>
      ))}
      {actions.dialogElement}
    </>
  );
}

const itemIds = () => screen.getAllByTestId(/^item-/).map((item) => item.dataset.testid);

function renderHarness(thing: Thing) {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <ScopeContext.Provider value={{ projectId: 'p', projectName: 'demo', region: 'R', services: [] }}>
        <Harness thing={thing} />
      </ScopeContext.Provider>
    </QueryClientProvider>,
  );
}

describe('useResourceActions', () => {
  it('offers the CLI and HTTP of the actions that run without a dialog in the menu', () => {
    renderHarness({ id: 's1', name: 'web', running: false });
    expect(itemIds()).toEqual(['item-start', 'item-delete', 'item-api-views']);
    expect(screen.getByTestId('item-api-views').textContent).toBe('Show as CLI / HTTP…');
    fireEvent.click(screen.getByTestId('item-api-views'));
    expect(screen.getByTestId('actions-api-dialog')).toBeTruthy();
    expect(screen.getByTestId('cli-command-start').textContent).toBe('openstack server start s1');
    // The delete asks for a confirmation: its own dialog shows its calls.
    expect(screen.queryByTestId('cli-delete')).toBeNull();
  });

  it('adds nothing when no such action is available', () => {
    renderHarness({ id: 's1', name: 'web', running: true });
    expect(itemIds()).toEqual(['item-start', 'item-delete']);
  });
});
