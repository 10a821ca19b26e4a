// The tokens of the user's other projects, rescoped from the session's token (never the password): how one is got
// or reused, and how what a request learnt about them goes back into the session. Shared by the reads across projects
// (everywhere/fan-out.ts) and the proxy's calls in a row's own scope (proxy/target-scope.ts).
import type { Request } from 'express';
import { everywhereReads, type EverywhereProject } from '../contract/everywhere.js';
import { catalogRegions, selectEndpoint } from '../openstack/catalog.js';
import type { EndpointInterface, KeystoneCatalogEntry } from '../openstack/keystone-types.js';
import type { KeystoneClient } from '../openstack/keystone.js';
import { reloadSession, updateSession, type AuthState, type ProjectToken } from '../session/session.js';

export interface ProjectTokenContext {
  keystone: Pick<KeystoneClient, 'rescope'>;
  endpointInterface: EndpointInterface;
  /** A project token this close to its expiry is replaced rather than reused. */
  renewBeforeMs: number;
}

/** The session's own token for its project; a held one while it lasts; else a new one rescoped from the session's. */
export async function projectToken(
  context: ProjectTokenContext,
  auth: AuthState,
  project: EverywhereProject,
  now: number,
  renew: boolean,
): Promise<ProjectToken> {
  const endpoints = (catalog: readonly KeystoneCatalogEntry[]) => readEndpoints(catalog, context.endpointInterface);
  const named = { projectId: project.id, projectName: project.name };
  if (project.id === auth.project.id) return { ...named, token: auth.token, expiresAt: auth.expiresAt, endpoints: endpoints(auth.catalog) };
  const held = auth.projectTokens?.find((candidate) => candidate.projectId === project.id);
  if (held && !renew && Date.parse(held.expiresAt) - now > context.renewBeforeMs) return held;
  const issued = await context.keystone.rescope(auth.token, project.id);
  const expiresAt = new Date(issued.token.expires_at).toISOString();
  const name = issued.token.project?.name ?? project.name;
  return { projectId: project.id, projectName: name, token: issued.id, expiresAt, endpoints: endpoints(issued.token.catalog ?? []) };
}

/** Only the endpoints of the reads across projects are kept: a session may hold a token for each of 200 projects. */
function readEndpoints(catalog: readonly KeystoneCatalogEntry[], endpointInterface: EndpointInterface): ProjectToken['endpoints'] {
  const serviceTypes = new Set(everywhereReads.map((read) => read.serviceType));
  return [...serviceTypes].flatMap((serviceType) =>
    catalogRegions(catalog).flatMap((region) => {
      const url = selectEndpoint(catalog, { serviceType, region, interface: endpointInterface });
      return url === undefined ? [] : [{ serviceType, region, url }];
    }),
  );
}

/** What a request learnt about the project tokens: new ones to keep, refused or replaced ones not to use again. */
export interface TokenChanges {
  /** Tokens rescoped by the request, to keep. */
  gained: ProjectToken[];
  /** Tokens not to use again (gone projects, refused, about to expire), to revoke. */
  dropped: string[];
}

/**
 * What a fan-out (or a call in a row's scope) learnt goes into the session as the store holds it now (another request
 * may have switched scope or renewed meanwhile): its new project tokens kept, the dropped ones revoked. A token it replaced that another fan-out
 * had just put there is retired (revoked at logout), since that fan-out may still be using it. A session that ended
 * meanwhile, or is someone else's now, keeps nothing: every new token is revoked.
 */
export async function keepTokens(
  req: Request,
  used: AuthState,
  outcome: TokenChanges,
  revoke: (tokens: string[]) => Promise<void>,
): Promise<void> {
  if (outcome.gained.length === 0 && outcome.dropped.length === 0) return;
  const everything = [...outcome.gained.map((held) => held.token), ...outcome.dropped];
  try {
    await reloadSession(req);
  } catch {
    await revoke(everything);
    return;
  }
  const current = req.session.auth;
  if (!current || current.user.id !== used.user.id) {
    await revoke(everything);
    return;
  }
  const dropped = new Set(outcome.dropped);
  const renewed = new Set(outcome.gained.map((held) => held.projectId));
  const kept = (current.projectTokens ?? []).filter((held) => !dropped.has(held.token));
  const replaced = kept.filter((held) => renewed.has(held.projectId) && !outcome.gained.some((fresh) => fresh.token === held.token));
  await updateSession(req, {
    ...current,
    projectTokens: [...kept.filter((held) => !renewed.has(held.projectId)), ...outcome.gained],
    retiredTokens: [...current.retiredTokens, ...replaced.map((held) => held.token)],
  });
  await revoke(outcome.dropped);
}
