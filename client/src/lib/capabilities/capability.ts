// What the cloud lets this session do, asked of the cloud itself: Zenith keeps no copy of any service's policy and
// never decides by role name. A probe is one cheap request only those allowed get an answer to (a read only an
// admin may do, or a write the service refuses after its policy check, so nothing is made); it is declared once,
// next to the feature that needs it, and its answer is cached per scope (project and region): a 403 means not
// allowed, with the service's own reason; any other failure means Zenith could not tell, and it asks again.
import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { api, type RequestOptions } from '../api/client';
import type { QueryScope } from '../api/query-keys';
import type { Scope } from '../scope';

export type Capability =
  | { state: 'allowed' }
  /** The service refused the probe (403): its message says why. */
  | { state: 'denied'; reason: string; service: string; requestId?: string }
  /** The probe failed otherwise (the service down, an answer the probe cannot read): shown, and asked again. */
  | { state: 'unknown'; error: unknown };

/** A capability as a page sees it: `pending` until the probe's first answer. */
export type CapabilityState = Capability | { state: 'pending' };

export interface ProbeRequest {
  method: 'GET' | 'POST';
  /** Full BFF path, e.g. `/api/os/placement/resource_providers`. */
  path: string;
  params?: RequestOptions['params'];
  body?: unknown;
  microversion?: string;
}

/** What the service answered, when it did not refuse by policy. */
export type ProbeAnswer = { ok: true; body: unknown } | { ok: false; error: ApiError };

export interface CapabilityProbe {
  /** Unique across Zenith (`<feature>.<what>`): the cache key. */
  id: string;
  /** The request, in the scope it is asked for. */
  request: (scope: Scope) => ProbeRequest;
  /**
   * What an answer other than a 403 means. By default a success means allowed and any other error unknown; a probe
   * sent as a write that the service must refuse after its policy check reads that refusal as allowed here.
   */
  read?: (answer: ProbeAnswer, scope: Scope) => Capability | Promise<Capability>;
}

const readByStatus = (answer: ProbeAnswer): Capability => (answer.ok ? { state: 'allowed' } : { state: 'unknown', error: answer.error });

/** A capability the probe could not establish, as an error (so the query retries it and pages show it as unknown). */
export class CapabilityUnknown extends Error {
  override readonly name = 'CapabilityUnknown';
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The longest a probe waits for the page's own reads to answer. */
const probeDelayLimitMs = 2000;

/** Sends the probe and reads its answer; throws CapabilityUnknown when the answer does not tell. */
export async function runProbe(probe: CapabilityProbe, scope: Scope, signal?: AbortSignal): Promise<Exclude<Capability, { state: 'unknown' }>> {
  const { method, path, params, body, microversion } = probe.request(scope);
  // A page's first rows before the answers that only grey or show an entry or option.
  await api.pageReadsSettled(probeDelayLimitMs);
  signal?.throwIfAborted();
  let answer: ProbeAnswer;
  try {
    const options = { params, microversion, signal, purpose: 'probe' as const };
    answer = { ok: true, body: method === 'GET' ? await api.get<unknown>(path, options) : await api.post<unknown>(path, body, options) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error; // cancelled
    if (error.status === 403) return { state: 'denied', reason: error.message, service: error.service, requestId: error.requestId };
    answer = { ok: false, error };
  }
  const capability = await (probe.read ?? readByStatus)(answer, scope);
  if (capability.state === 'unknown') throw new CapabilityUnknown(capability.error);
  return capability;
}

/** Under the scope's prefix, so a project or region switch (and a new user) drops every answer of the scope left. */
export const capabilityKeys = {
  all: (scope: QueryScope) => ['capabilities', scope.region, scope.projectId] as const,
  probe: (scope: QueryScope, id: string) => ['capabilities', scope.region, scope.projectId, 'probe', id] as const,
};

export const capabilityQueryOptions = (scope: Scope, probe: CapabilityProbe) =>
  queryOptions({
    queryKey: capabilityKeys.probe(scope, probe.id),
    queryFn: ({ signal }) => runProbe(probe, scope, signal),
    // Asked once per scope; a probe that could not tell is asked again (twice at once, then on focus or mount).
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 1,
    retryDelay: 1000,
  });

/** The state a probe's query is in, as pages read it. */
export function capabilityState(query: { data?: Capability; error: unknown; isError: boolean }): CapabilityState {
  if (query.data) return query.data;
  if (query.isError) return { state: 'unknown', error: query.error instanceof CapabilityUnknown ? query.error.cause : query.error };
  return { state: 'pending' };
}
