import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { i18nReady } from './app/i18n';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { watchSession } from './app/session-events';
import { takeBootstrap } from './lib/api/bootstrap';
import { startThemeSync } from './lib/theme';
import { startFromBootstrap } from './resources/session/session';

startThemeSync();

const queryClient = createQueryClient();
// Before the router: its loaders then find the session (and the microversions) known and start the page's reads.
startFromBootstrap(queryClient, takeBootstrap());
const router = createAppRouter(queryClient);
// Watch before anything can answer: the router's loaders already ask for the session.
watchSession(router, queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The session and the first page's data are already on their way: only the first paint waits for the catalog of a
// language other than English (a chunk of its own).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  ),
);
