// A call in another project or region than the session's: a row of "All my instances" acts in its own scope, never
// the session's. The browser names the scope (X-Zenith-Target-Scope: <project id>/<region>); the BFF checks the region
// is in the catalog and calls with the project's token, held or rescoped from the session's token (never the
// password). Keystone rescopes only to a project the user has a role in, so a token is the proof the project is theirs.
import { canonicalServiceType } from '../contract/service-types.js';
import { projectToken, type ProjectTokenContext } from '../auth/project-tokens.js';
import { ApiError } from '../http/errors.js';
import { catalogRegions } from '../openstack/catalog.js';
import type { AuthState, ProjectToken } from '../session/session.js';
import { resolveProxyTarget, splitProxyUrl, type ProxyTarget } from './target.js';

export const targetScopeHeader = 'x-zenith-target-scope';

export interface TargetScope {
  projectId: string;
  region: string;
}

// Keystone's ids are hex; names never reach here. The bound keeps junk out of the log and of Keystone's URL.
const projectIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

function invalidScope(message: string): ApiError {
  return new ApiError(400, message, { code: 'invalid_scope' });
}

/** `<project id>/<region, URI-encoded>`, as `scopeTag` writes it; the region must be one of the session's catalog. */
export function parseTargetScope(value: string, auth: Pick<AuthState, 'catalog'>): TargetScope {
  const slash = value.indexOf('/');
  const projectId = slash === -1 ? value : value.slice(0, slash);
  if (slash === -1 || !projectIdPattern.test(projectId)) {
    throw invalidScope('X-Zenith-Target-Scope must be <project id>/<region>');
  }
  let region: string;
  try {
    region = decodeURIComponent(value.slice(slash + 1));
  } catch {
    throw invalidScope('X-Zenith-Target-Scope names its region with a broken URI encoding');
  }
  if (!catalogRegions(auth.catalog).includes(region)) throw invalidScope(`Region "${region}" is not in this cloud's catalog`);
  return { projectId, region };
}

export interface ScopedTarget {
  target: ProxyTarget;
  /** A token Keystone just issued for the call, for the session to keep (the next call reuses it). */
  gained?: ProjectToken;
}

/**
 * Where a call in `scope` goes: the session's own project in another region uses the session's token and catalog;
 * another project uses its token and the endpoints kept with it (the services the reads across projects use).
 */
export async function resolveScopedTarget(
  url: string,
  auth: AuthState,
  scope: TargetScope,
  context: ProjectTokenContext,
  heldTokens: () => Promise<readonly ProjectToken[]>,
  now = Date.now(),
): Promise<ScopedTarget> {
  if (scope.projectId === auth.project.id) return { target: resolveProxyTarget(url, { ...auth, region: scope.region }, context.endpointInterface) };
  const { serviceType, upstreamPath } = splitProxyUrl(url);
  if (auth.signIn?.applicationCredential) {
    throw new ApiError(403, 'An application credential session works in its own project only', { code: 'no_role' });
  }
  // Read only now: a call in the session's own project (above) never loads the project tokens.
  const held = (await heldTokens()).find((candidate) => candidate.projectId === scope.projectId);
  let token: ProjectToken;
  try {
    token = await projectToken(context, auth, { id: scope.projectId, name: held?.projectName ?? scope.projectId }, held, now, false);
  } catch (error) {
    // Keystone refuses a project the user has no role in (any more) with 401 or 404: a refusal, not a lost session.
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
      throw new ApiError(403, `Keystone gives this user no token for project ${scope.projectId}: ${error.message}`, {
        requestId: error.requestId,
        code: 'no_role',
      });
    }
    throw error;
  }
  const wanted = canonicalServiceType(serviceType);
  const endpoint = token.endpoints.find((candidate) => candidate.serviceType === wanted && candidate.region === scope.region)?.url;
  if (endpoint === undefined) {
    const reachable = [...new Set(token.endpoints.map((candidate) => candidate.serviceType))].join(', ');
    throw new ApiError(404, `No ${serviceType} endpoint of project ${token.projectName} in region ${scope.region} (calls in another project reach ${reachable})`, {
      code: 'unknown_service',
    });
  }
  const target: ProxyTarget = { serviceType, endpoint, upstreamPath, token: token.token, projectToken: true };
  return token.token === held?.token ? { target } : { target, gained: token };
}
