// The sign-in and scope rules, apart from HTTP and the session store: given what the browser asked and a
// Keystone, which token and region the session gets, and which tokens must be revoked on the way.
import type { z } from 'zod';
import type { KeystoneProject, Project } from '../contract/projects.js';
import type { ApplicationCredentialLoginRequest, LoginRequest, RenewRequest, ScopeRequest } from '../contract/session.js';
import { ApiError } from '../http/errors.js';
import { chooseRegion } from '../openstack/catalog.js';
import { isReceipt, type AuthReceipt, type IssuedToken, type KeystoneAuth, type ProjectRef } from '../openstack/keystone.js';
import { sessionTokens, type AuthState } from '../session/session.js';
import { authStateFrom } from './session-view.js';

export interface AuthRulesContext {
  keystone: KeystoneAuth;
  /** The region of the cloud's configuration: preferred when the browser names none. */
  configuredRegion: string | undefined;
  /** A token that could not be revoked is worth a log line, never a failed sign-in. */
  onRevokeFailure: (error: unknown) => void;
}

export async function revokeQuietly({ keystone, onRevokeFailure }: AuthRulesContext, tokens: readonly string[]): Promise<void> {
  const results = await Promise.allSettled(tokens.map((token) => keystone.revoke(token)));
  for (const result of results) {
    if (result.status === 'rejected') onRevokeFailure(result.reason);
  }
}

/**
 * A password sign-in Keystone answered with an auth receipt, waiting in the session for the user's TOTP code. The
 * receipt (5 minutes by default) stands for the password: the password itself is not kept.
 */
export interface PendingTotp {
  receipt: string;
  user: { id: string; name: string; domain: string };
  project?: ProjectRef;
  region?: string;
  expiresAt: string;
}

export function isPendingTotp(result: AuthState | PendingTotp): result is PendingTotp {
  return 'receipt' in result;
}

/**
 * A password sign-in: the project asked for, else the user's default project, else (an unscoped token) the
 * user's first enabled project. The region asked for must be in the catalog; without one, the configured
 * region, else the catalog's first. Every token issued on the way and not kept is revoked. When the user's
 * multi-factor rules want a TOTP code too, the sign-in waits for it (PendingTotp).
 */
export async function signIn(
  context: AuthRulesContext,
  request: z.output<typeof LoginRequest>,
): Promise<AuthState | PendingTotp> {
  const project = request.project ? { name: request.project, domain: request.projectDomain ?? request.userDomain } : undefined;
  const answer = await context.keystone.passwordLogin({
    username: request.username,
    password: request.password,
    userDomain: request.userDomain,
    project,
  });
  if (isReceipt(answer)) return pendingTotp(answer, project, request.region);
  return finishSignIn(context, answer, request.region);
}

/** The second step: the code, with the receipt the password step left. Keystone's refusal (a wrong code) is the caller's to show. */
export async function continueWithTotp(
  context: AuthRulesContext,
  pending: PendingTotp,
  passcode: string,
  now = Date.now(),
): Promise<AuthState> {
  return finishSignIn(context, await totpToken(context, pending, passcode, now), pending.region);
}

async function totpToken(context: AuthRulesContext, pending: PendingTotp, passcode: string, now: number): Promise<IssuedToken> {
  if (Date.parse(pending.expiresAt) <= now) {
    throw new ApiError(401, 'The sign-in waited too long for its TOTP code: sign in with your password again', {
      code: 'login_restart',
    });
  }
  const answer = await context.keystone.totpLogin(pending.receipt, pending.user.id, passcode, pending.project);
  if (isReceipt(answer)) throw unsupportedRules(answer);
  return answer;
}

/** A sign-in with an application credential: its project, no other (see changeScope). */
export async function signInWithApplicationCredential(
  context: AuthRulesContext,
  request: z.output<typeof ApplicationCredentialLoginRequest>,
): Promise<AuthState> {
  const issued = await context.keystone.applicationCredentialLogin(
    request.id !== undefined
      ? { id: request.id, secret: request.secret }
      : { name: request.name ?? '', secret: request.secret, user: { name: request.username ?? '', domain: request.userDomain } },
  );
  if (!issued.token.project) {
    await revokeQuietly(context, [issued.id]);
    throw new ApiError(502, 'Keystone issued an application credential token without a project', { code: 'upstream_error' });
  }
  return finishSignIn(context, issued, request.region);
}

/**
 * Signing in again before the session's token ends, without leaving the page: the way the session was made (a
 * password, then a TOTP code when the user's rules want one; or the session's own application credential), for a
 * token of the session's project (by id) and, when its catalog still has it, region. The session's user must be the
 * one signing in: anyone else signs out first.
 */
export async function renewSignIn(
  context: AuthRulesContext,
  auth: AuthState,
  request: z.output<typeof RenewRequest>,
): Promise<AuthState | PendingTotp> {
  const credential = auth.signIn?.applicationCredential;
  if (request.method === 'application_credential') {
    if (!credential) throw otherWayIn('This session was made with a password: sign in again with it');
    return renewedState(context, auth, await context.keystone.applicationCredentialLogin({ id: credential.id, secret: request.secret }));
  }
  if (credential) throw otherWayIn(`This session was made with application credential ${credential.name}: sign in again with its secret`);
  const project = { id: auth.project.id };
  const answer = await context.keystone.passwordLogin({ username: request.username, password: request.password, userDomain: request.userDomain, project });
  if (!isReceipt(answer)) return renewedState(context, auth, answer);
  // Keystone names the user in its receipt: no code is asked of someone who is not the session's user.
  if (answer.user.id !== auth.user.id) throw otherUser(answer.user, auth);
  return pendingTotp(answer, project, auth.region);
}

/** The TOTP step of a renewal whose password Keystone answered with a receipt. */
export async function continueRenewalWithTotp(
  context: AuthRulesContext,
  auth: AuthState,
  pending: PendingTotp,
  passcode: string,
  now = Date.now(),
): Promise<AuthState> {
  return renewedState(context, auth, await totpToken(context, pending, passcode, now));
}

/** The session with its new token; the tokens it held are retired (requests in flight finish; logout revokes them). */
async function renewedState(context: AuthRulesContext, auth: AuthState, issued: IssuedToken): Promise<AuthState> {
  const { user, project, catalog } = issued.token;
  const problem =
    user.id !== auth.user.id
      ? otherUser(user, auth)
      : project?.id !== auth.project.id
        ? new ApiError(409, `Keystone issued a token for another project than this session's (${auth.project.name})`, { code: 'renew_scope' })
        : undefined;
  const region = chooseRegion(catalog ?? [], undefined, auth.region, context.configuredRegion);
  if (problem || region === undefined) {
    await revokeQuietly(context, [issued.id]);
    throw problem ?? unknownRegion(undefined);
  }
  return { ...authStateFrom(issued, region), retiredTokens: sessionTokens(auth) };
}

function otherUser(user: { name: string; domain: { name: string } }, auth: AuthState): ApiError {
  return new ApiError(
    409,
    `These credentials are user ${user.name}'s (domain ${user.domain.name}), and this session is ${auth.user.name}'s: to work as ${user.name}, sign out, then sign in`,
    { code: 'renew_other_user' },
  );
}

function otherWayIn(message: string): ApiError {
  return new ApiError(409, message, { code: 'renew_other_method' });
}

async function finishSignIn(context: AuthRulesContext, answer: IssuedToken, requestedRegion: string | undefined): Promise<AuthState> {
  const issued = answer.token.project ? answer : await scopeToFirstProject(context, answer);
  const region = chooseRegion(issued.token.catalog ?? [], requestedRegion, context.configuredRegion);
  if (region === undefined) {
    await revokeQuietly(context, [issued.id]);
    throw unknownRegion(requestedRegion);
  }
  // A rescoped token's methods include "token": the session was made by the first token's methods.
  const state = authStateFrom(issued, region);
  return answer === issued ? state : { ...state, signIn: { ...state.signIn, methods: [...answer.token.methods] } };
}

/** Zenith can add a TOTP code to what the receipt covers; rules needing anything else it cannot satisfy. */
function pendingTotp(receipt: AuthReceipt, project: PendingTotp['project'], region: string | undefined): PendingTotp {
  const withTotp = new Set([...receipt.methods, 'totp']);
  if (!receipt.requiredMethods.some((rule) => rule.every((method) => withTotp.has(method)))) throw unsupportedRules(receipt);
  return {
    receipt: receipt.receipt,
    user: { id: receipt.user.id, name: receipt.user.name, domain: receipt.user.domain.name },
    ...(project ? { project } : {}),
    ...(region ? { region } : {}),
    expiresAt: receipt.expiresAt,
  };
}

function unsupportedRules(receipt: AuthReceipt): ApiError {
  const rules = receipt.requiredMethods.map((rule) => rule.join(' + ')).join(', or ');
  return new ApiError(401, `Keystone requires ${rules} for this user; Zenith can add a TOTP code, nothing else`, {
    requestId: receipt.requestId,
    code: 'mfa_unsupported',
  });
}

/** Keystone gave an unscoped token (no default project): use the user's first project, as the contract says. */
async function scopeToFirstProject(context: AuthRulesContext, unscoped: IssuedToken): Promise<IssuedToken> {
  try {
    const projects = await context.keystone.listAuthProjects(unscoped.id);
    const first = projects.find((project) => project.enabled);
    if (!first) throw new ApiError(403, 'This user has no project to work in', { code: 'no_project' });
    return await context.keystone.rescope(unscoped.id, first.id);
  } finally {
    await revokeQuietly(context, [unscoped.id]);
  }
}

/**
 * Another project (a rescoped token; the current region kept when the new catalog has it) and/or another
 * region of the catalog. The tokens the session leaves are kept as retired, for revocation at logout.
 */
export async function changeScope(
  context: AuthRulesContext,
  auth: AuthState,
  request: z.output<typeof ScopeRequest>,
): Promise<AuthState> {
  if (request.projectId !== undefined && request.projectId !== auth.project.id) {
    const credential = auth.signIn?.applicationCredential;
    if (credential) {
      throw new ApiError(
        403,
        `This session was made with application credential ${credential.name}, which works in project ${auth.project.name} only`,
        { code: 'scope_locked' },
      );
    }
    const issued = await rescope(context, auth.token, request.projectId);
    const region = chooseRegion(issued.token.catalog ?? [], request.region, auth.region, context.configuredRegion);
    if (region === undefined) {
      await revokeQuietly(context, [issued.id]);
      throw unknownRegion(request.region);
    }
    // The project tokens, kept beside the session under its id, stay for the reads across projects: the same user's.
    return { ...authStateFrom(issued, region), retiredTokens: [auth.token, ...auth.retiredTokens], signIn: auth.signIn };
  }
  if (request.region !== undefined) {
    const region = chooseRegion(auth.catalog, request.region);
    if (region === undefined) throw unknownRegion(request.region);
    return { ...auth, region };
  }
  return auth;
}

/** Keystone refuses a rescope with 401 when the user has no role there: a refusal, not a lost session. */
async function rescope({ keystone }: AuthRulesContext, token: string, projectId: string): Promise<IssuedToken> {
  try {
    return await keystone.rescope(token, projectId);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
      throw new ApiError(403, `Cannot switch to project ${projectId}: ${error.message}`, {
        requestId: error.requestId,
        code: 'scope_refused',
      });
    }
    throw error;
  }
}

/** The user's projects as the project switcher shows them, with the domain names the session already knows. */
export function projectViews(projects: readonly KeystoneProject[], auth: AuthState): Project[] {
  const knownDomains = new Map([auth.user.domain, auth.project.domain].map((domain) => [domain.id, domain.name]));
  return projects.map((project) => ({
    id: project.id,
    name: project.name,
    domainId: project.domain_id,
    domainName: knownDomains.get(project.domain_id),
    description: project.description ?? undefined,
    enabled: project.enabled,
  }));
}

function unknownRegion(region: string | undefined): ApiError {
  return region === undefined
    ? new ApiError(502, 'The service catalog lists no region', { code: 'no_region' })
    : new ApiError(400, `Region "${region}" is not in this project's service catalog`, { code: 'unknown_region' });
}
