import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import './app/i18n';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { watchSession } from './app/session-events';
import { startThemeSync } from './lib/theme';

startThemeSync();

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
// Watch before anything can answer: the router's loaders already ask for the session.
watchSession(router, queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
