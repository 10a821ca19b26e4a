// What the BFF wrote into index.html for this page load (see @contract/bootstrap): read once, at start. The Vite dev
// server's page has none; the app then asks for everything, as it always could.
import { bootstrapElementId, type Bootstrap } from '@contract/bootstrap';
import type { SessionView } from '@contract/session';
import type { createApiClient } from './client';

function isBootstrap(value: unknown): value is Bootstrap {
  if (typeof value !== 'object' || value === null) return false;
  const { session, versions } = value as Record<string, unknown>;
  // typeof null is 'object': a page without a session has `session: null`.
  return typeof session === 'object' && Array.isArray(versions);
}

/**
 * The page's bootstrap, taken out of the document so nothing reads it a second time: it describes the session as
 * it was when this page was served, which later sign-ins, sign-outs and scope switches make stale.
 */
export function takeBootstrap(document: Document = window.document): Bootstrap | undefined {
  const element = document.getElementById(bootstrapElementId);
  if (!element) return undefined;
  element.remove();
  try {
    const value: unknown = JSON.parse(element.textContent ?? '');
    return isBootstrap(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Gives the API client the page's session and the version documents it came with; the session, or null signed out. */
export function adoptBootstrap(client: Pick<ReturnType<typeof createApiClient>, 'setSession' | 'seedServiceVersions'>, bootstrap: Bootstrap): SessionView | null {
  const { session, versions } = bootstrap;
  if (session === null) return null;
  client.setSession({ csrfToken: session.csrfToken, region: session.region, projectId: session.project.id });
  client.seedServiceVersions(session.region, versions);
  return session;
}
