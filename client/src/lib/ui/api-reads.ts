// What a list or detail page reads, declared once by the page: the `openstack` commands that read the same, and the
// API calls that belong to it. The page's "API" panel shows both; the calls come from the API client's request log,
// matched against the declaration (never guessed from the URL of the page).
import type { LoggedRequest } from '../api/request-log';

/** An argv of the `openstack` CLI, without the leading `openstack`. */
export type CliArgv = readonly string[];

/**
 * One call a page makes, as the resource module builds it: a BFF path (`/api/os/<service-type>/...`) where `*`
 * stands for any one segment, and the query parameters it must carry (others may be there too).
 */
export interface ReadMatcher {
  path: string;
  params?: Readonly<Record<string, string>>;
}

export interface PageReads {
  /** The `openstack` commands that read what the page shows, with the page's filters as options. */
  commands: readonly CliArgv[];
  /** The GETs that belong to the page, one per endpoint it reads: a path, or a path with required parameters. */
  requests: readonly (string | ReadMatcher)[];
}

/** A call the panel shows: the latest of its kind (same path and query), how many times it was made. */
export interface ShownRead {
  request: LoggedRequest;
  /** How many identical calls (method, path and query) were made in the window: a polled page repeats them. */
  count: number;
  /** Made before the page appeared: read ahead while it loaded, or cached from an earlier visit and shown from there. */
  beforePage: boolean;
}

function segments(path: string): string[] {
  return path.split('/');
}

function splitQuery(path: string): { path: string; search: URLSearchParams } {
  const at = path.indexOf('?');
  return at === -1 ? { path, search: new URLSearchParams() } : { path: path.slice(0, at), search: new URLSearchParams(path.slice(at + 1)) };
}

/**
 * Whether a logged GET is the call a matcher declares: same path (`*` = any one segment) and the required parameters.
 * A capability probe is never a page's read, even on the page's endpoint (the all-projects probe reads servers).
 */
export function matchesRead(matcher: string | ReadMatcher, request: Pick<LoggedRequest, 'method' | 'path' | 'purpose'>): boolean {
  if (request.method !== 'GET' || request.purpose === 'probe') return false;
  const { path, params = {} } = typeof matcher === 'string' ? { path: matcher } : matcher;
  const actual = splitQuery(request.path);
  const expected = segments(path);
  const got = segments(actual.path);
  if (expected.length !== got.length) return false;
  if (!expected.every((segment, index) => segment === got[index] || (segment === '*' && got[index] !== ''))) return false;
  return Object.entries(params).every(([name, value]) => actual.search.getAll(name).includes(value));
}

/**
 * The calls to show for a page, oldest first: for each declared endpoint, the calls made since the page appeared
 * (`sinceSeq` = the last sequence number logged before it); for an endpoint not called since, the latest call
 * before, since the page shows that call's answer from the cache (or its route read it ahead while loading).
 * Identical calls (same path and query) show once, the latest, with their count.
 */
export function pageReadRequests(log: readonly LoggedRequest[], matchers: PageReads['requests'], sinceSeq: number): ShownRead[] {
  const picked = new Map<number, { request: LoggedRequest; beforePage: boolean }>();
  for (const matcher of matchers) {
    const matching = log.filter((request) => matchesRead(matcher, request));
    const since = matching.filter((request) => request.seq > sinceSeq);
    if (since.length > 0) for (const request of since) picked.set(request.seq, { request, beforePage: false });
    else {
      const latest = matching.at(-1);
      if (latest) picked.set(latest.seq, { request: latest, beforePage: true });
    }
  }
  const byCall = new Map<string, ShownRead>();
  for (const { request, beforePage } of [...picked.values()].sort((a, b) => a.request.seq - b.request.seq)) {
    const key = `${request.method} ${request.path}`;
    const previous = byCall.get(key);
    // Delete then set: the latest of identical calls takes the place of the latest, so the order stays by time.
    byCall.delete(key);
    byCall.set(key, { request, beforePage: previous ? previous.beforePage && beforePage : beforePage, count: (previous?.count ?? 0) + 1 });
  }
  return [...byCall.values()];
}

/**
 * The options of a CLI command for the page's filters: `[option, value]` gives `option value` when the value is a
 * non-empty string, `option` alone when it is `true` (a flag), nothing when unset.
 */
export function cliOptions(pairs: readonly (readonly [option: string, value: string | boolean | undefined])[]): string[] {
  return pairs.flatMap(([option, value]) => (value === true ? [option] : typeof value === 'string' && value !== '' ? [option, value] : []));
}
