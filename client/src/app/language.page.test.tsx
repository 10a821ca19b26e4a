// @vitest-environment jsdom
// Each feature's words load with its pages (app/navigation.ts), in the language read: switching language on a page
// brings that page's words in the new language with the shell's, and the next page opens in it too.
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff } from '../testing/fake-bff';
import { cleanupApp, renderApp } from '../testing/render-app';

afterEach(() => {
  cleanupApp();
  localStorage.clear();
});

describe('a language switch', () => {
  it("turns the page shown, the navigation and the next page's words into the language chosen", { timeout: 20_000 }, async () => {
    const bff = new FakeBff()
      .on('GET', '/api/os/compute/os-keypairs', { keypairs: [] })
      .on('GET', '/api/os/network/v2.0/networks', { networks: [] });
    renderApp('/keypairs', bff);
    await screen.findByRole('heading', { name: 'Key pairs' });

    fireEvent.change(screen.getByTestId('language-switcher'), { target: { value: 'fr' } });
    await screen.findByRole('heading', { name: 'Paires de clés' });
    const nav = screen.getByRole('navigation', { name: 'Principale' });

    fireEvent.click(within(nav).getByRole('link', { name: 'Réseaux' }));
    await screen.findByRole('heading', { name: 'Réseaux' });
    expect(await screen.findByText("Ce projet n'a encore aucun réseau.")).toBeDefined();
  });
});
