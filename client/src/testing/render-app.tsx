// The whole app in jsdom for page tests: the real providers and routes (session gate, shell, feature routes with
// their loaders) in a memory router, over a fake BFF.
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import '../lib/i18n';
import { App } from '../app/app';
import { createQueryClient } from '../app/query-client';
import { appRoutes } from '../app/router';
import { FakeBff } from './fake-bff';

// The first page of a file imports the shell and the page's chunk: on a busy machine that alone can pass the
// default second of findBy/waitFor.
configure({ asyncUtilTimeout: 5000 });

function fillJsdomGaps() {
  // jsdom has <dialog> but no modal behaviour.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}

/** Renders the app at `path` (with its query string) against `bff`; the page's own code does the rest. */
export function renderApp(path: string, bff: FakeBff = new FakeBff()) {
  fillJsdomGaps();
  vi.stubGlobal('fetch', bff.fetch);
  const queryClient = createQueryClient();
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
  const view = render(<App queryClient={queryClient} router={router} />);
  return { ...view, bff, router, queryClient };
}

/** For `afterEach`: unmounts the app and gives `fetch` back. */
export function cleanupApp() {
  cleanup();
  vi.unstubAllGlobals();
}

/** The table row that shows `text` (a resource's name), once it does. Text, not role, queries: role queries over the whole shell take a fifth of a second each in jsdom. */
export function rowOf(text: string): Promise<HTMLTableRowElement> {
  return waitFor(() => rowOf.now(text));
}

/** The one table row that shows `text` now (the same text elsewhere, as in the top bar, does not count). */
rowOf.now = (text: string): HTMLTableRowElement => {
  const rows = screen.getAllByText(text).flatMap((element) => element.closest('tbody tr') ?? []);
  if (rows.length !== 1) throw new Error(`${rows.length} table rows show ${text}`);
  return rows[0] as HTMLTableRowElement;
};
