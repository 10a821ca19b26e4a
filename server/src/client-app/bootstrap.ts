// The session view and version documents written into index.html (see contract/bootstrap.ts).
import type { Request } from 'express';
import { sessionView } from '../auth/session-view.js';
import { bootstrapElementId, bootstrapVersionServices, type Bootstrap } from '../contract/bootstrap.js';
import { requestIdOf } from '../http/request-id.js';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import type { ServiceVersionCache } from '../proxy/versions.js';
import { isExpired } from '../session/session.js';

/** What this request's GET /api/auth/session and GET /api/versions/<type> would answer, without asking a service. */
export function bootstrapFor(req: Request, versions: ServiceVersionCache, endpointInterface: EndpointInterface): Bootstrap {
  const auth = req.session?.auth;
  if (!auth || isExpired(auth)) return { session: null, versions: [] };
  const requestId = requestIdOf(req);
  return {
    session: sessionView(auth, req.session.csrfToken ?? '', endpointInterface),
    versions: bootstrapVersionServices.flatMap((serviceType) => versions.settled(auth, serviceType, requestId) ?? []),
  };
}

/**
 * JSON made safe as the text of a <script> element: with no `<`, nothing in a name (a project called
 * `</script><script>…` or `<!--`) can end the element or switch the parser into its escaped states, and `>`, `&` and
 * the JavaScript line terminators U+2028/U+2029 go too. JSON.parse reads the \uXXXX escapes back as the characters.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The data block itself: a type the browser never runs, so the CSP's script-src has nothing to allow. */
export function bootstrapElement(bootstrap: Bootstrap): string {
  return `<script type="application/json" id="${bootstrapElementId}">${scriptSafeJson(bootstrap)}</script>`;
}
