// @vitest-environment jsdom
// The shell's single-key shortcuts: `/` to the page's filter, `g` then a letter to a main page, `?` for the list; never
// while the user types or holds a modifier.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff } from '../../testing/fake-bff';
import { servers } from '../../testing/fixtures';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';

afterEach(cleanupApp);

const server = servers[0]!;

async function onInstances() {
  const rendered = renderApp('/instances', new FakeBff().on('GET', '/api/os/compute/servers/detail', { servers }));
  await rowOf(server.name);
  return rendered;
}

const press = (key: string, init: KeyboardEventInit = {}, target: Element = document.body) => fireEvent.keyDown(target, { key, ...init });

describe('keyboard shortcuts', { timeout: 15_000 }, () => {
  it('g then a letter goes to a main page', async () => {
    const { router } = await onInstances();
    press('g');
    press('v');
    await waitFor(() => expect(router.state.location.pathname).toBe('/volumes'));
    press('g');
    press('o');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('/ focuses the page’s filter field, and the slash is not typed into it', async () => {
    await onInstances();
    const filters = screen.getByRole('search', { name: 'Filters' });
    const event = press('/');
    expect(document.activeElement).toBe(within(filters).getByLabelText('Name'));
    expect(event).toBe(false);
  });

  it('leaves the keys alone while the user types, or with a modifier held', async () => {
    const { router } = await onInstances();
    const field = screen.getByLabelText('Name');
    field.focus();
    press('g', {}, field);
    press('v', {}, field);
    press('g', { ctrlKey: true });
    press('v');
    press('?', { metaKey: true });
    press('/', { altKey: true });
    expect(router.state.location.pathname).toBe('/instances');
    expect(screen.queryByTestId('shortcuts-dialog')?.hasAttribute('open') ?? false).toBe(false);
    expect(document.activeElement).toBe(field);
  });

  it('? lists the shortcuts, with the pages this cloud offers', async () => {
    const { router } = await onInstances();
    press('?', { shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByTestId('shortcut').map((row) => row.textContent);
    expect(rows).toContain('/Focus the page’s filter');
    expect(rows).toContain('gthenvGo to Volumes');
    expect(rows).toContain('gthenoGo to Overview');
    expect(rows).toContain('?Show these shortcuts');
    // A single key in the open dialog does not act on the page behind it.
    press('g', {}, dialog);
    press('v', {}, dialog);
    expect(router.state.location.pathname).toBe('/instances');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
