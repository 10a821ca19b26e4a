// What the BFF writes into index.html for the SPA to start from without asking: who is signed in and the version
// documents it negotiates microversions from. A JSON data block (`<script type="application/json">`), never a script:
// the CSP still refuses every inline script. Shared by both; no zod here, the SPA's entry chunk imports it.
import type { SessionView } from './session.js';
import type { ServiceVersions } from './versions.js';

/** The id of the `<script type="application/json">` element. */
export const bootstrapElementId = 'zenith-bootstrap';

/**
 * The services whose version documents the SPA reads at once on most pages: compute and block-storage for their
 * microversions, image for its version (imports). Others are asked for when needed (GET /api/versions/<type>).
 */
export const bootstrapVersionServices = ['compute', 'block-storage', 'image'] as const;

export interface Bootstrap {
  /** What GET /api/auth/session would have answered for this page's request: its session, or null for its 401. */
  session: SessionView | null;
  /**
   * What GET /api/versions/<type> would answer in the session's region, for those of bootstrapVersionServices the
   * BFF had already read (it never waits for a service to serve the page); empty without a session.
   */
  versions: ServiceVersions[];
}
