// The calls this tab made through the API client, newest last: what the request log panel, the "API" buttons of
// list and detail pages, and the HTTP views read. Kept in memory only (never persisted, never sent anywhere), and
// holding no secret: the BFF adds the token, so a request here never carries one.

/** One call as the browser sent it to the BFF, and how it ended. */
export interface LoggedRequest {
  /** Increasing per tab: React keys and "since" filters. */
  seq: number;
  /** Service type of `/api/os/<type>/...`, or `zenith` for the BFF's own endpoints. */
  service: string;
  method: string;
  /** The BFF path with its query string, e.g. `/api/os/compute/servers/detail?limit=50`. */
  path: string;
  /** The headers that change what the service does: Content-Type and the negotiated microversion. */
  headers: Readonly<Record<string, string>>;
  /** The JSON body, as sent. */
  body?: unknown;
  /** Set for the calls made to learn what the cloud allows (capability probes), not for a page's data. */
  purpose?: 'probe';
  /** When the call was sent, ms since the epoch. */
  startedAt: number;
  /** Null while the call is in flight; 0 when it never got an answer (network failure). */
  status: number | null;
  durationMs?: number;
  /** The service's own request id (x-openstack-request-id), when it answered with one. */
  requestId?: string;
  /** The error message of a failed call. */
  error?: string;
}

/** The log panel's promise: the last 200 calls. */
export const requestLogCapacity = 200;

export function createRequestLog(capacity = requestLogCapacity) {
  let entries: readonly LoggedRequest[] = [];
  let nextSeq = 1;
  const listeners = new Set<() => void>();

  function publish(next: readonly LoggedRequest[]) {
    entries = next.length > capacity ? next.slice(next.length - capacity) : next;
    for (const listener of listeners) listener();
  }

  return {
    /** Records a call as it is sent; returns the function that records how it ended. */
    start(request: Pick<LoggedRequest, 'service' | 'method' | 'path' | 'headers' | 'body' | 'purpose'>, now = Date.now()) {
      const seq = nextSeq++;
      publish([...entries, { ...request, seq, startedAt: now, status: null }]);
      return (outcome: { status: number; requestId?: string; error?: string }, end = Date.now()) => {
        // A call pushed out of the log by 200 newer ones is simply not updated.
        publish(entries.map((entry) => (entry.seq === seq ? { ...entry, ...outcome, durationMs: end - entry.startedAt } : entry)));
      };
    },
    /** The same array until something changes: usable as a useSyncExternalStore snapshot. */
    entries: (): readonly LoggedRequest[] => entries,
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: () => {
      publish([]);
    },
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;
