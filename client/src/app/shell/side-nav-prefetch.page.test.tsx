// @vitest-environment jsdom
// The side navigation's pages load ahead of a click: on hover or focus of their link, and all of them while the
// browser is idle, unless the connection asks to save data. A page's load is seen here through its feature's
// catalog, which loads with the page's code (app/navigation.ts).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n';
import { FakeBff } from '../../testing/fake-bff';
import { cleanupApp, renderApp } from '../../testing/render-app';

const loaded = (feature: string) => (i18n.getResourceBundle('en', 'translation') as Record<string, unknown> | undefined)?.[feature] !== undefined;
const link = (name: string) => within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name });
const keypairsBff = () => new FakeBff().on('GET', '/api/os/compute/os-keypairs', { keypairs: [] });

function setConnection(connection: { saveData?: boolean; effectiveType?: string } | undefined) {
  Object.defineProperty(navigator, 'connection', { value: connection, configurable: true });
}

afterEach(() => {
  cleanupApp();
  setConnection(undefined);
});

// In this order: the second test lets the idle prefetch load every page, which would hide what the first checks.
// (cleanupApp unstubs the globals.)
describe('pages the side navigation links to', () => {
  it('load when the pointer or the focus reaches their link, and not on idle when the connection saves data', async () => {
    setConnection({ saveData: true });
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    renderApp('/keypairs', keypairsBff());
    await screen.findByText('No key pair yet.');
    expect(idle).not.toHaveBeenCalled();
    expect(loaded('keypairs')).toBe(true);
    expect(loaded('images')).toBe(false);

    fireEvent.pointerEnter(link('Images'));
    await waitFor(() => expect(loaded('images')).toBe(true));

    fireEvent.focus(link('Volumes'));
    await waitFor(() => expect(loaded('volumes')).toBe(true));
    expect(loaded('networks')).toBe(false);
  });

  // Each page's code is compiled on first import here: the first entries in the navigation's order are enough.
  it("all load, one after the other in the navigation's order, once the first page is shown and the browser is idle", { timeout: 30_000 }, async () => {
    // jsdom has no idle periods: each timer turn is one here.
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
    renderApp('/keypairs', keypairsBff());
    await screen.findByText('No key pair yet.');
    await waitFor(() => expect(['instances', 'volume-snapshots'].filter((feature) => !loaded(feature))).toEqual([]), { timeout: 25_000 });
  });
});
