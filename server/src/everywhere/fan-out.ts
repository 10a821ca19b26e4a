// One list read across every project the user can scope to and every region of the catalog: the project tokens it
// needs (rescoped from the session's token, reused while they last), the calls in bounded parallel, one line each.
import { type EverywhereError, type EverywhereLine, type EverywhereProject, type EverywhereRead } from '../contract/everywhere.js';
import { openStackRequestIdHeader } from '../contract/request-id.js';
import { ApiError, isRecord, upstreamErrorMessage, upstreamFailure } from '../http/errors.js';
import { upstreamRequestId, UpstreamTimeoutError, type UpstreamClient } from '../http/upstream.js';
import { catalogRegions, selectEndpoint } from '../openstack/catalog.js';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import type { KeystoneClient } from '../openstack/keystone.js';
import type { AuthState, ProjectToken } from '../session/session.js';
import { projectToken, type TokenChanges } from '../auth/project-tokens.js';

export interface FanOutLimits {
  /** Calls (rescopes and list reads) in flight at once, per fan-out. */
  concurrency: number;
  /** A deadline for each list read: a service that answers slowly is one named line, not a stalled page. */
  callTimeoutMs: number;
  maxProjects: number;
  /** A project token this close to its expiry is replaced rather than reused. */
  renewBeforeMs: number;
}

export const defaultFanOutLimits: FanOutLimits = { concurrency: 8, callTimeoutMs: 20_000, maxProjects: 200, renewBeforeMs: 120_000 };

export interface FanOutContext {
  keystone: Pick<KeystoneClient, 'rescope' | 'listAuthProjects'>;
  upstream: Pick<UpstreamClient, 'request'>;
  endpointInterface: EndpointInterface;
  limits: FanOutLimits;
  now?: () => number;
}

/** What one fan-out reads, decided before the answer starts (its failures are still an HTTP status). */
export interface FanOutPlan {
  projects: EverywhereProject[];
  /** Projects the session holds a token for that Keystone no longer lists: the user lost their role there. */
  goneProjects: EverywhereProject[];
  omittedProjects: number;
  regions: string[];
}

/** What the session's store must learn once the fan-out is over. */
export interface FanOutOutcome extends TokenChanges {
  results: number;
  failures: number;
}

/** The enabled projects Keystone lists for the user (at most the cap), and the regions whose catalog has the service. */
export async function planFanOut(
  context: FanOutContext,
  auth: AuthState,
  held: readonly ProjectToken[],
  read: EverywhereRead,
): Promise<FanOutPlan> {
  const regions = catalogRegions(auth.catalog).filter(
    (region) => selectEndpoint(auth.catalog, { serviceType: read.serviceType, region, interface: context.endpointInterface }) !== undefined,
  );
  // Keystone rescopes no application credential's token: such a session reads its own project, in every region.
  if (auth.signIn?.applicationCredential) {
    return { projects: [{ id: auth.project.id, name: auth.project.name }], goneProjects: [], omittedProjects: 0, regions };
  }
  const listed = (await context.keystone.listAuthProjects(auth.token)).filter((project) => project.enabled && !project.is_domain);
  const projects = listed.slice(0, context.limits.maxProjects).map(({ id, name }) => ({ id, name }));
  const listedIds = new Set(listed.map((project) => project.id));
  const goneProjects = held
    .filter((token) => !listedIds.has(token.projectId))
    .map((token) => ({ id: token.projectId, name: token.projectName }));
  return { projects, goneProjects, omittedProjects: listed.length - projects.length, regions };
}

export interface FanOutCall {
  auth: AuthState;
  /** The project tokens the session holds (heldProjectTokens). */
  held: readonly ProjectToken[];
  read: EverywhereRead;
  /** The filters, already checked against the read's (`?name=web`, or empty). */
  query: string;
  /** The microversion headers the browser sent, passed on as the proxy passes them. */
  headers: Record<string, string>;
  requestId: string;
  /** Aborted when the browser goes away: nothing more is started, calls in flight are dropped. */
  signal: AbortSignal;
  emit: (line: EverywhereLine) => void;
}

/** Streams the start line and one line per project × region as each finishes (the caller writes the end line). */
export async function runFanOut(context: FanOutContext, plan: FanOutPlan, call: FanOutCall): Promise<FanOutOutcome> {
  const now = context.now ?? Date.now;
  const { auth, emit } = call;
  const heldFor = (project: EverywhereProject) => call.held.find((candidate) => candidate.projectId === project.id);
  const gained: ProjectToken[] = [];
  const dropped: string[] = [];
  let results = 0;
  let failures = 0;
  const result = (line: ListLine) => {
    results++;
    if (!line.ok) failures++;
    emit(line);
  };

  emit({
    kind: 'start',
    projects: [...plan.projects, ...plan.goneProjects],
    regions: plan.regions,
    omittedProjects: plan.omittedProjects,
  });
  for (const project of plan.goneProjects) {
    const error = { status: 403, code: 'no_role', message: `Keystone no longer lists project ${project.name} among this user's projects` };
    for (const region of plan.regions) result({ kind: 'result', ok: false, project, region, status: 403, error });
  }
  for (const project of plan.goneProjects) {
    const held = heldFor(project);
    if (held) dropped.push(held.token);
  }

  // One token per project for the whole fan-out, its regions share it; `renew` asks Keystone for a new one even
  // where the session holds one, once a service refused the held one.
  const tokens = new Map<string, Promise<ProjectToken>>();
  const tokenFor = (project: EverywhereProject, renew: boolean): Promise<ProjectToken> => {
    const key = `${renew ? 'renew' : 'use'}:${project.id}`;
    let pending = tokens.get(key);
    if (!pending) {
      const held = heldFor(project);
      pending = projectToken({ ...context, renewBeforeMs: context.limits.renewBeforeMs }, auth, project, held, now(), renew);
      pending.then(
        (token) => {
          if (token.token === auth.token || token.token === held?.token) return;
          gained.push(token);
          if (held) dropped.push(held.token);
        },
        () => undefined,
      );
      tokens.set(key, pending);
    }
    return pending;
  };

  const readOne = async (project: EverywhereProject, region: string, renew = false): Promise<ListLine> => {
    let token: ProjectToken;
    try {
      token = await tokenFor(project, renew);
    } catch (error) {
      const failure = rescopeFailure(project, error);
      return { kind: 'result', ok: false, project, region, status: failure.status, error: failure };
    }
    const line = await readList(context, call, project, token, region);
    if (line.ok || line.status !== 401 || token.token === auth.token) return line;
    // The service refuses the token (revoked in Keystone since it was issued): it is not kept, and a new one is asked for once.
    dropped.push(token.token);
    return renew ? line : readOne(project, region, true);
  };

  // Project by project: the first project's regions finish first, so its rows are the first to show.
  const tasks = plan.projects.flatMap((project) => plan.regions.map((region) => async () => result(await readOne(project, region))));
  await runBounded(tasks, context.limits.concurrency, call.signal);
  const droppedTokens = new Set(dropped);
  return { gained: gained.filter((token) => !droppedTokens.has(token.token)), dropped: [...droppedTokens], results, failures };
}

/** Keystone refuses a rescope with 401 (or 404) when the user has no role there any more: a refusal, named. */
function rescopeFailure(project: EverywhereProject, error: unknown): EverywhereError {
  if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
    return { status: 403, code: 'no_role', message: `No token for project ${project.name}: ${error.message}`, requestId: error.requestId };
  }
  return errorOf(error, 'Keystone');
}

type ListLine = Extract<EverywhereLine, { kind: 'result' }>;

async function readList(
  context: FanOutContext,
  call: FanOutCall,
  project: EverywhereProject,
  token: ProjectToken,
  region: string,
): Promise<ListLine> {
  const { read } = call;
  const endpoint = token.endpoints.find((candidate) => candidate.serviceType === read.serviceType && candidate.region === region)?.url;
  if (endpoint === undefined) {
    const error = { status: 404, code: 'no_endpoint', message: `Project ${project.name}'s catalog has no ${read.serviceType} endpoint in ${region}` };
    return { kind: 'result', ok: false, project, region, status: 404, error };
  }
  const deadline = AbortSignal.timeout(context.limits.callTimeoutMs);
  try {
    const response = await context.upstream.request(new URL(`${endpoint}/${read.path}${call.query}`), {
      headers: { ...call.headers, 'x-auth-token': token.token, [openStackRequestIdHeader]: call.requestId },
      signal: AbortSignal.any([deadline, call.signal]),
    });
    const requestId = upstreamRequestId(response.headers);
    if (response.status !== 200) {
      const message = upstreamErrorMessage(response, `${read.serviceType} answered ${response.status}`);
      const error = { status: response.status, message, ...(requestId ? { requestId } : {}) };
      return { kind: 'result', ok: false, project, region, status: response.status, error };
    }
    const body: unknown = JSON.parse(response.body);
    const items = isRecord(body) ? body[read.member] : undefined;
    if (!Array.isArray(items) || !items.every(isRecord)) {
      throw new ApiError(502, `${read.serviceType} answered without a "${read.member}" list`, { requestId, code: 'upstream_error' });
    }
    const links = isRecord(body) ? body[`${read.member}_links`] : undefined;
    const truncated = Array.isArray(links) && links.some((link) => isRecord(link) && link.rel === 'next');
    return { kind: 'result', ok: true, project, region, status: 200, ...(requestId ? { requestId } : {}), items, truncated };
  } catch (error) {
    const failure = errorOf(deadline.aborted ? new UpstreamTimeoutError(context.limits.callTimeoutMs) : error, read.serviceType);
    return { kind: 'result', ok: false, project, region, status: failure.status, error: failure };
  }
}

function errorOf(error: unknown, service: string): EverywhereError {
  const failure =
    error instanceof ApiError
      ? error
      : error instanceof SyntaxError
        ? new ApiError(502, `${service} answered with something other than JSON`, { code: 'upstream_error' })
        : upstreamFailure(service, error);
  return {
    status: failure.status,
    message: failure.message,
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
    ...(failure.code ? { code: failure.code } : {}),
  };
}

/** Runs the tasks in order, at most `limit` at once; once the signal is aborted nothing more starts. */
async function runBounded(tasks: readonly (() => Promise<void>)[], limit: number, signal: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && !signal.aborted) {
      const task = tasks[next++];
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
