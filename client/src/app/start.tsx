import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Bootstrap } from '@contract/bootstrap';
import { i18nReady } from './i18n';
import { App } from './app';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { watchSession } from './session-events';
import { startThemeSync } from '../lib/theme';
import { startFromBootstrap } from '../resources/session/session';

/** The app itself, once its code has loaded (main.tsx imports this module when it has started the early reads). */
export function startApp(bootstrap: Bootstrap | undefined) {
  startThemeSync();

  const queryClient = createQueryClient();
  // Before the router: its loaders then find the session (and the microversions) known and start the page's reads.
  startFromBootstrap(queryClient, bootstrap);
  const router = createAppRouter(queryClient);
  // Watch before anything can answer: the router's loaders already ask for the session.
  watchSession(router, queryClient);

  // The session and the first page's data are already on their way: only the first paint waits for the catalog of a
  // language other than English (a chunk of its own), and for #root, which the async entry may have outrun.
  void Promise.all([i18nReady, documentParsed()]).then(() => {
    const root = document.getElementById('root');
    if (!root) throw new Error('index.html has no #root');
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    );
  });
}

function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
