// What the BFF wrote into index.html for this page load (see @contract/bootstrap): read once, at start. The Vite dev
// server's page has none; the app then asks for everything, as it always could.
import { bootstrapElementId, type Bootstrap } from '@contract/bootstrap';

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
