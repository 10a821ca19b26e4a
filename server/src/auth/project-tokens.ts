// The tokens of the user's other projects, rescoped from the session's token (never the password): how one is got
// or reused, and how what a request learnt about them goes back into the session. Shared by the reads across projects
// (everywhere/fan-out.ts) and the proxy's calls in a row's own scope (proxy/target-scope.ts). They are kept beside the
// session, not in it (session/project-token-store.ts): only these two read them.
import type { Request } from 'express';
import { everywhereReads, type EverywhereProject } from '../contract/everywhere.js';
import { catalogRegions, selectEndpoint } from '../openstack/catalog.js';
import type { EndpointInterface, KeystoneCatalogEntry } from '../openstack/keystone-types.js';
import type { KeystoneClient } from '../openstack/keystone.js';
import { projectTokensOf, reloadSession, type AuthState, type ProjectToken } from '../session/session.js';

export interface ProjectTokenContext {
  keystone: Pick<KeystoneClient, 'rescope'>;
  endpointInterface: EndpointInterface;
  /** A project token this close to its expiry is replaced rather than reused. */
  renewBeforeMs: number;
}

/** The project tokens the session holds (one per project), read from their store by the routes that use them. */
export function heldProjectTokens(req: Request): Promise<ProjectToken[]> {
  return projectTokensOf(req).get(req.sessionID);
}

/** The session's own token for its project; the held one while it lasts; else a new one rescoped from the session's. */
export async function projectToken(
  context: ProjectTokenContext,
  auth: AuthState,
  project: EverywhereProject,
  held: ProjectToken | undefined,
  now: number,
  renew: boolean,
): Promise<ProjectToken> {
  const endpoints = (catalog: readonly KeystoneCatalogEntry[]) => readEndpoints(catalog, context.endpointInterface);
  const named = { projectId: project.id, projectName: project.name };
  if (project.id === auth.project.id) return { ...named, token: auth.token, expiresAt: auth.expiresAt, endpoints: endpoints(auth.catalog) };
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
 * What a fan-out (or a call in a row's scope) learnt goes into the token store: its new project tokens kept, the
 * dropped ones deleted and revoked. The store's entries are keyed by token, so a concurrent fan-out's or call's tokens
 * are never overwritten (newestPerProject chooses among two of one project; both are revoked at logout). The session is
 * checked after the write: one that ended meanwhile (its tokens taken by endSession), or is someone else's now, keeps
 * nothing, and every new token is deleted and revoked.
 */
export async function keepTokens(
  req: Request,
  used: AuthState,
  outcome: TokenChanges,
  revoke: (tokens: string[]) => Promise<void>,
): Promise<void> {
  if (outcome.gained.length === 0 && outcome.dropped.length === 0) return;
  const store = projectTokensOf(req);
  const sid = req.sessionID;
  const everything = [...outcome.gained.map((held) => held.token), ...outcome.dropped];
  await store.change(sid, outcome.gained, outcome.dropped, used.expiresAt);
  let current: AuthState | undefined;
  try {
    await reloadSession(req);
    current = req.session.auth;
  } catch {
    current = undefined;
  }
  if (!current || current.user.id !== used.user.id) {
    // Revoked below whatever the store says; its key expires with the session anyway.
    await store.change(sid, [], everything, used.expiresAt).catch(() => undefined);
    await revoke(everything);
    return;
  }
  await revoke(outcome.dropped);
}
