// The one way the SPA talks to the BFF: same-origin fetch over /api, the session's CSRF token on every write,
// negotiated microversions, cancellation from react-query, and ApiError for every failure.
import { serviceRequestId } from '@contract/request-id';
import type { SessionView } from '@contract/session';
import { ApiError, apiErrorFromResponse } from './api-error';
import { microversionHeaders, negotiateMicroversion, type ServiceVersions } from './microversions';
import { withoutSecrets } from './log-redaction';
import type { QueryScope } from './query-keys';
import { createRequestLog, type RequestLog } from './request-log';

type QueryValue = string | number | boolean | undefined | readonly string[];

export interface RequestOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** A JSON media type other than application/json (Glance's JSON patch: application/openstack-images-v2.1-json-patch). */
  contentType?: string;
  params?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal;
  /** The microversion the feature was written for; the client asks for min(this, the cloud's newest). */
  microversion?: string;
  /**
   * Why the call is made when it is not for the page's data: a capability probe. The request log says so, and a
   * page's API panel does not count it among the page's reads.
   */
  purpose?: 'probe';
  /**
   * The call signs in again and the BFF answers with a new session id (cookie) and CSRF token. It waits for the
   * calls in flight, and the calls made meanwhile wait for it: a call sent with the old cookie and handled after the
   * BFF dropped it would read as a lost session, one sent with the old CSRF token as a forged one. A session in its
   * answer is this client's before any waiting call goes.
   */
  renewsSession?: boolean;
  /**
   * The project and region the call acts in when they are not the session's (a row of "All my instances" acts in its
   * own): the BFF calls with that project's token, in that region. The session's own scope, or none, is the default.
   */
  scope?: QueryScope;
}

/** What the client needs from the current session. */
export interface SessionContext {
  csrfToken: string;
  region: string;
  projectId: string;
}

/** Why the BFF answered 401: its session is gone (no_session) or OpenStack refused the token (session_ended). */
export interface SessionEnd {
  code: 'no_session' | 'session_ended';
  message: string;
  requestId?: string;
  /** False when the page never had a session (first visit): nothing "ended" from the user's point of view. */
  hadSession: boolean;
}

const sessionEndCodes = new Set<string>(['no_session', 'session_ended']);
const readOnlyMethods = new Set<string>(['GET', 'HEAD', 'OPTIONS']);

/** `/api/os/compute/servers` (or `/api/everywhere/compute/...`) → compute; the BFF's own endpoints → zenith. */
export function serviceOfPath(path: string): string {
  const match = /^\/api\/(?:os|versions|everywhere)\/([^/?#]+)/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : 'zenith';
}

/** `<project id>/<region>`, as the BFF reads a scope header. */
const scopeTag = (scope: QueryScope) => `${scope.projectId}/${encodeURIComponent(scope.region)}`;

/** The path with its query string, as the client sends it. */
export function withParams(path: string, params: RequestOptions['params']): string {
  if (!params) return path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) search.append(name, item);
    else search.append(name, String(value));
  }
  const query = search.toString();
  if (query === '') return path;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/** What the log keeps of a call's headers: those that change what the service does (no CSRF token, no scope). */
function loggedHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name === 'Content-Type' || /version/i.test(name)));
}

/** A session as the BFF's sign-in endpoints answer it (a TOTP challenge is not one). */
function isSessionAnswer(answer: unknown): answer is Pick<SessionView, 'csrfToken' | 'region' | 'project'> {
  if (typeof answer !== 'object' || answer === null) return false;
  const { csrfToken, region, project } = answer as Partial<Record<'csrfToken' | 'region' | 'project', unknown>>;
  return typeof csrfToken === 'string' && typeof region === 'string' && typeof (project as { id?: unknown } | null)?.id === 'string';
}

/** How long an early read waits for the app to take it. */
const earlyReadLifetimeMs = 10_000;

/** A shared call as one caller sees it: abandoned (AbortError) when that caller's signal aborts; the call goes on. */
function untilAborted<T>(call: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return call;
  return new Promise<T>((resolve, reject) => {
    const abandon = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) return abandon();
    signal.addEventListener('abort', abandon, { once: true });
    call.then(resolve, reject).finally(() => signal.removeEventListener('abort', abandon));
  });
}

type FinishLog = ReturnType<RequestLog['start']>;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Runs `task` after the browser's next paint: the frame's callback runs before it paints, a task queued from there
 * after. Where there are no frames (a test, no document), at the next task.
 */
function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

export function createApiClient(
  fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
  requestLog: RequestLog = createRequestLog(),
) {
  let session: SessionContext | null = null;
  const sessionEndListeners = new Set<(end: SessionEnd) => void>();
  const scopeChangeListeners = new Set<() => void>();
  // Version documents per region and service: one request each per page load, shared by every caller.
  const versionsCache = new Map<string, Promise<ServiceVersions>>();
  const versionsKey = (region: string, serviceType: string) => `${region}\u0000${serviceType}`;

  /**
   * Reads started before the app's code was evaluated (app/early-reads.ts), by what they ask in which scope: the
   * first identical GET takes one instead of asking again. Kept a few seconds at most, so no later read is answered
   * with what was true at page load.
   */
  const earlyReads = new Map<string, Promise<unknown>>();
  const earlyReadKey = (path: string, options: RequestOptions) =>
    JSON.stringify([session?.projectId, session?.region, withParams(path, options.params), options.microversion ?? null, options.purpose ?? null]);

  /** The session-renewing call in progress (see RequestOptions.renewsSession), settled when its answer is adopted. */
  let renewal: Promise<void> | null = null;
  const inFlight = new Set<Promise<unknown>>();
  /** Calls in flight other than probes, and who waits for there to be none (see pageReadsSettled). */
  let pageCalls = 0;
  const quietWaiters: (() => void)[] = [];

  function send<T>(path: string, options: RequestOptions = {}): Promise<T> {
    if ((options.method ?? 'GET') === 'GET' && earlyReads.size > 0) {
      const key = earlyReadKey(path, options);
      const early = earlyReads.get(key);
      if (early) {
        earlyReads.delete(key);
        return untilAborted(early as Promise<T>, options.signal);
      }
    }
    if (options.renewsSession) {
      const call = Promise.allSettled([renewal, ...inFlight])
        .then(() => transmit<T>(path, options))
        .then((answer) => {
          if (isSessionAnswer(answer)) session = { csrfToken: answer.csrfToken, region: answer.region, projectId: answer.project.id };
          return answer;
        });
      const settled = call.then(
        () => undefined,
        () => undefined,
      );
      renewal = settled;
      void settled.then(() => {
        if (renewal === settled) renewal = null;
      });
      return call;
    }
    const call = renewal ? renewal.then(() => transmit<T>(path, options)) : transmit<T>(path, options);
    inFlight.add(call);
    if (options.purpose !== 'probe') pageCalls += 1;
    const forget = () => {
      inFlight.delete(call);
      if (options.purpose === 'probe') return;
      pageCalls -= 1;
      if (pageCalls === 0 && quietWaiters.length > 0) afterNextPaint(wakeIfQuiet);
    };
    call.then(forget, forget);
    return call;
  }

  function wakeIfQuiet() {
    if (pageCalls === 0) for (const wake of quietWaiters.splice(0)) wake();
  }

  /**
   * Resolves once no call for a page's data is in flight (capability probes aside) and the page has drawn the last
   * answer, or after `atMostMs`: probes wait for the page's own reads rather than compete with them (Nova answers one
   * call at a time on a small cloud), and their calls (and the services answering them, on the same machine as the
   * browser in a small cloud) do not compete with the render of the rows.
   */
  function pageReadsSettled(atMostMs: number): Promise<void> {
    if (pageCalls === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, atMostMs);
      quietWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends a call and logs it; a failure answer is logged, handled (session end, scope change) and thrown. */
  async function open(path: string, options: RequestOptions, accept: string): Promise<{ response: Response; finish: FinishLog }> {
    const method = options.method ?? 'GET';
    const service = serviceOfPath(path);
    const headers: Record<string, string> = { Accept: accept };
    if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
    if (!readOnlyMethods.has(method) && session) headers['X-CSRF-Token'] = session.csrfToken;
    if (session && path.startsWith('/api/os/')) {
      const acting = options.scope;
      if (acting && (acting.projectId !== session.projectId || acting.region !== session.region)) {
        // Another scope than the session's, named: the BFF acts there, whatever the session's scope is meanwhile.
        headers['X-Zenith-Target-Scope'] = scopeTag(acting);
      } else {
        // The scope this page shows: the BFF refuses the call (409 scope_changed) if another tab switched the session.
        headers['X-Zenith-Scope'] = scopeTag(session);
      }
    }
    if (options.microversion) {
      const version = negotiateMicroversion(await serviceVersions(service), options.microversion);
      if (version) Object.assign(headers, microversionHeaders(service, version));
    }

    const url = withParams(path, options.params);
    const finish = requestLog.start({
      service,
      method,
      path: url,
      headers: loggedHeaders(headers),
      body: withoutSecrets(options.body),
      purpose: options.purpose,
    });
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (error) {
      const message = isAbort(error) ? 'aborted' : error instanceof Error ? error.message : String(error);
      finish({ status: 0, error: message });
      if (isAbort(error)) throw error;
      throw new ApiError(0, service, message);
    }

    if (!response.ok) {
      const error = await apiErrorFromResponse(response, service);
      finish({ status: response.status, requestId: error.requestId, error: error.message });
      if (response.status === 401 && error.code && sessionEndCodes.has(error.code)) endSession(error);
      if (response.status === 409 && error.code === 'scope_changed') for (const listener of scopeChangeListeners) listener();
      throw error;
    }
    return { response, finish };
  }

  async function transmit<T>(path: string, options: RequestOptions): Promise<T> {
    const { response, finish } = await open(path, options, 'application/json');
    finish({ status: response.status, requestId: serviceRequestId((name) => response.headers.get(name)) });
    if (response.status === 204 || response.status === 205) return undefined as T;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /**
   * A GET answered with NDJSON (the reads across projects): each line parsed as it arrives. One log entry for the
   * call, finished when the answer ends (or is abandoned). It waits for a renewal in progress like any call, but a
   * renewal does not wait for it: once the answer has started, a new session id changes nothing about it.
   */
  async function* streamLines(path: string, options: Omit<RequestOptions, 'method' | 'body' | 'renewsSession'> = {}): AsyncGenerator<unknown> {
    if (renewal) await renewal;
    const { response, finish } = await open(path, options, 'application/x-ndjson');
    const requestId = serviceRequestId((name) => response.headers.get(name));
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let pending = '';
    let outcome: { status: number; requestId?: string; error?: string } = { status: response.status, requestId, error: 'aborted' };
    try {
      for (;;) {
        const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
        pending += decoder.decode(chunk.value, { stream: !chunk.done });
        const lines = pending.split('\n');
        // The last piece is a line still arriving (or empty after a newline).
        pending = chunk.done ? '' : (lines.pop() ?? '');
        for (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as unknown;
        if (chunk.done) break;
      }
      outcome = { status: response.status, requestId };
    } catch (error) {
      outcome = { status: response.status, requestId, error: isAbort(error) ? 'aborted' : error instanceof Error ? error.message : String(error) };
      throw error;
    } finally {
      finish(outcome);
      // A consumer that stopped early (or an abort) leaves nothing open.
      await reader?.cancel().catch(() => undefined);
    }
  }

  function endSession(error: ApiError) {
    const end: SessionEnd = {
      code: error.code as SessionEnd['code'],
      message: error.message,
      requestId: error.requestId,
      hadSession: session !== null,
    };
    session = null;
    for (const listener of sessionEndListeners) listener(end);
  }

  function serviceVersions(serviceType: string): Promise<ServiceVersions> {
    const cacheKey = versionsKey(session?.region ?? '', serviceType);
    let versions = versionsCache.get(cacheKey);
    if (!versions) {
      versions = send<ServiceVersions>(`/api/versions/${encodeURIComponent(serviceType)}`);
      versionsCache.set(cacheKey, versions);
      // A failed discovery is not remembered: the next call tries again.
      versions.catch(() => versionsCache.delete(cacheKey));
    }
    return versions;
  }

  return {
    get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => send<T>(path, options),
    /** A GET answered with one JSON value per line, yielded as each line arrives. */
    streamLines,
    post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      send<T>(path, { ...options, method: 'POST', body }),
    put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      send<T>(path, { ...options, method: 'PUT', body }),
    patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      send<T>(path, { ...options, method: 'PATCH', body }),
    delete: <T = void>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      send<T>(path, { ...options, method: 'DELETE' }),
    serviceVersions,
    pageReadsSettled,
    /**
     * Starts a read the app will make as soon as its code has loaded (the current page's first read), for the first
     * identical GET to take. Sent like any call (logged, microversion negotiated) in the session known now.
     */
    startEarlyRead(path: string, options: Omit<RequestOptions, 'method' | 'body' | 'signal'>) {
      const key = earlyReadKey(path, options);
      const call = send<unknown>(path, options);
      // Its failure is the taker's to handle; untaken, it is dropped with the read.
      call.catch(() => undefined);
      earlyReads.set(key, call);
      setTimeout(() => {
        if (earlyReads.get(key) === call) earlyReads.delete(key);
      }, earlyReadLifetimeMs);
    },
    /** Version documents known without asking (index.html's bootstrap), for the session's region. */
    seedServiceVersions(region: string, known: readonly ServiceVersions[]) {
      for (const versions of known) versionsCache.set(versionsKey(region, versions.serviceType), Promise.resolve(versions));
    },
    /** The calls this client made, newest last (the request log panel, the pages' "API" views). */
    requestLog,
    /** Called with every session the BFF hands out (login, session read, rescope), and null at logout. */
    setSession(next: SessionContext | null) {
      session = next;
    },
    /** Registers a handler for a session whose scope another tab changed under this page; returns its removal. */
    onScopeChangedElsewhere(listener: () => void): () => void {
      scopeChangeListeners.add(listener);
      return () => scopeChangeListeners.delete(listener);
    },
    /** Registers a handler for a session ended by the BFF or by OpenStack; returns its removal. */
    onSessionEnd(listener: (end: SessionEnd) => void): () => void {
      sessionEndListeners.add(listener);
      return () => sessionEndListeners.delete(listener);
    },
  };
}

export const api = createApiClient();
