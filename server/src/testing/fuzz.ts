// What the BFF's fuzz suites share: the seed and number of cases (fixed for CI, larger on demand), generators of
// hostile requests, and the rule every answer must follow.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ErrorBody } from '../contract/error-body.js';
import { zenithRequestIdHeader } from '../contract/request-id.js';
import { sessionCookieName } from '../session/session.js';
import type { TestResponse } from './harness.js';
import type { RawRequest } from './raw-http.js';

function integerFromEnvironment(name: string, fallback: number, minimum: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer of at least ${minimum}`);
  return value;
}

const runs = (defaultRuns: number) => integerFromEnvironment('ZENITH_FUZZ_RUNS', defaultRuns, 1);

/**
 * Cases per route (ZENITH_FUZZ_RUNS: 60 by default in the unit suite, so that it stays short in CI) and the seed that
 * makes them (ZENITH_FUZZ_SEED: a failure's report names the seed, and the path that replays it).
 */
export const fuzzParameters = (defaultRuns = 60): fc.Parameters<unknown> => ({
  seed: integerFromEnvironment('ZENITH_FUZZ_SEED', 15, Number.MIN_SAFE_INTEGER),
  numRuns: runs(defaultRuns),
});

/** Time for one route's cases: generous, as a case is a few milliseconds and a loaded CI machine is slow. */
export const fuzzTimeoutMs = (defaultRuns = 60, msPerCase = 100): number => 20_000 + runs(defaultRuns) * msPerCase;

/** Strings that have broken parsers, decoders and path checks somewhere. */
const nastyStrings = [
  '',
  ' ',
  '\0',
  'a\0b',
  '\r\n',
  'a\r\nX-Injected: 1',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%c0%ae%c0%ae',
  '%c0%af',
  '%e0%80%ae',
  '%2e%2e',
  '%252e%252e',
  '%2f',
  '%5c',
  '..',
  '../..',
  '.',
  '\\',
  '//',
  '%0d%0a',
  '%ff%fe',
  '\u202e',
  '\ud800',
  '\uffff',
  '💥',
  'a'.repeat(300),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  'null',
  'RegionOne',
  'RegionTwo',
];

export const oddString = fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));

/** Any JSON value, odd strings included, nested a little. */
const oddJsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(oddString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/**
 * JSON bodies for a route: its own fields, each right, absent or of any value, plus whatever else; the text then
 * cut short, wrapped, padded past the BFF's 16 kB limit, or spliced with bytes that are not UTF-8.
 */
export function jsonBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Buffer> {
  const mostlyGood = Object.fromEntries(
    Object.entries(fields).map(([key, good]) => [key, fc.oneof({ weight: 3, arbitrary: good }, oddJsonValue)]),
  );
  const document = fc.oneof(
    { weight: 4, arbitrary: fc.record(mostlyGood) },
    { weight: 2, arbitrary: fc.record(mostlyGood, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.tuple(fc.record(mostlyGood), fc.dictionary(oddString, oddJsonValue, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a })) },
    { weight: 1, arbitrary: oddJsonValue },
  );
  return fc.tuple(document.map((value) => JSON.stringify(value) ?? 'undefined'), textMutation).map(([text, mutate]) => mutate(text));
}

/** Overlong encodings of '/', '.' and NUL, a lone continuation byte, a truncated sequence, UTF-16 surrogates in UTF-8. */
const invalidUtf8 = [
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xae],
  [0xc0, 0x80],
  [0xf0, 0x80, 0x80, 0xaf],
  [0x80],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xff, 0xfe],
].map((bytes) => Buffer.from(bytes));

// 10 MB of zeros, 10 kB gzipped: the BFF must not inflate what it will refuse anyway.
const gzipBomb = gzipSync(Buffer.alloc(10_000_000));

const textMutation: fc.Arbitrary<(text: string) => Buffer> = fc.oneof(
  { weight: 16, arbitrary: fc.constant((text: string) => Buffer.from(text)) },
  fc.nat().map((at) => (text: string) => Buffer.from(text.slice(0, at % (text.length + 1)))),
  fc.tuple(fc.nat(), fc.constantFrom(...invalidUtf8)).map(([at, bytes]) => (text: string) => {
    const raw = Buffer.from(text);
    const cut = at % (raw.length + 1);
    return Buffer.concat([raw.subarray(0, cut), bytes, raw.subarray(cut)]);
  }),
  fc.constant((text: string) => Buffer.from(`[${text}]`)),
  fc.constant((text: string) => Buffer.from(`${text}${' '.repeat(20_000)}`)),
  fc.constant(() => Buffer.from(`{"a":"${'x'.repeat(40_000)}"}`)),
  fc.constant(() => gzipBomb),
  fc.constant(() => Buffer.alloc(0)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => () => Buffer.from(bytes)),
);

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=utf-7',
  'application/json; charset="',
  'application/vnd.openstack+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '*/*',
  'application/',
  '',
);

/** Method names: the usual, the rare ones Node's parser knows, and tokens it does not. */
const anyMethod = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
  fc.constantFrom('TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'SEARCH', 'M-SEARCH', 'LINK', 'SUBSCRIBE', 'QUERY', 'COPY'),
  fc.constantFrom('get', 'FROB', 'G\0T', 'GET /x', ''),
);

/** A path suffix: segments made of the characters and escapes that confuse path handling. */
export const oddPathSuffix = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...nastyStrings.map(rawTargetText)) },
      { weight: 6, arbitrary: fc.webSegment() },
      // Raw bytes Node's parser refuses.
      { weight: 1, arbitrary: fc.constantFrom('\x7f', '\xff') },
    ),
    { maxLength: 5 },
  )
  .map((segments) => segments.join('/'));

/** A query string: none, odd pairs, very many pairs, deep brackets, one very long value. */
const oddQuery = fc.oneof(
  { weight: 8, arbitrary: fc.constant('') },
  fc.array(fc.tuple(oddString, oddString), { maxLength: 6 }).map((pairs) => `?${pairs.map(([k, v]) => `${rawTargetText(k)}=${rawTargetText(v)}`).join('&')}`),
  fc.integer({ min: 100, max: 3000 }).map((n) => `?${'a=1&'.repeat(n)}`),
  fc.integer({ min: 10, max: 1000 }).map((n) => `?a${'[b]'.repeat(n)}=1`),
  fc.integer({ min: 1000, max: 15_000 }).map((n) => `?x=${'y'.repeat(n)}`),
  fc.constantFrom('?', '??', '?&&&', '?%', '?a=%zz', '?a=%00', '?#frag', '?a=1#b'),
);

/**
 * A string as it may appear in a request target: spaces, controls and non-ASCII percent-encoded (as UTF-8; a lone
 * surrogate as the bytes it would have), so that the request parses and the BFF's own handling is what is tested.
 * The raw bytes Node's parser refuses come from the constants ('\x7f', '\xff').
 */
function rawTargetText(text: string): string {
  return Array.from(text)
    .map((char) => {
      if (!/[\s\p{Cc}?#]|[^ -~]/u.test(char)) return char;
      try {
        return encodeURIComponent(char);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

/** The session a fuzzed request claims. */
export type SessionClaim = 'signed-in' | 'none' | 'unknown-id' | 'forged' | 'garbage';

const sessionClaim = fc.constantFrom<SessionClaim>('signed-in', 'signed-in', 'signed-in', 'none', 'unknown-id', 'forged', 'garbage');

/** Cookie headers that are not the session's: unknown ids, forged signatures, malformed values, floods. */
const badCookie = fc.constantFrom(
  `${sessionCookieName}=s%3Aunknown-session.abc`,
  `${sessionCookieName}=s%3Aseeded-abc.${'A'.repeat(43)}`,
  `${sessionCookieName}=unsigned-id`,
  `${sessionCookieName}=`,
  `${sessionCookieName}=%`,
  `${sessionCookieName}=%E0%A4%A`,
  `${sessionCookieName}=s%3A%00.%00`,
  `${sessionCookieName}=s:a.b; ${sessionCookieName}=s:c.d`,
  `${sessionCookieName}=${'x'.repeat(8000)}`,
  Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join('; '),
  '=; ;;; =x',
  `${sessionCookieName}="s%3Aquoted.x"`,
);

/** Optional headers, each present now and then, with ordinary and hostile values. */
function oddHeaders(own: { scope: string; origin: string }): fc.Arbitrary<[string, string][]> {
  const header = (name: string, values: fc.Arbitrary<string>) =>
    fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, values.map((value): [string, string] => [name, value]));
  return fc
    .tuple(
      header('X-Zenith-Scope', fc.oneof(fc.constant(own.scope), oddString.map(rawHeaderText))),
      header('Origin', fc.oneof(fc.constant(own.origin), fc.constantFrom('null', 'http://evil.example', 'file://', ''), oddString.map(rawHeaderText))),
      header('Accept', fc.constantFrom('application/json', '*/*', 'text/html', '', 'application/json;q=NaN')),
      header('Accept-Encoding', fc.constantFrom('gzip', 'br', 'br;q=NaN, *;q=-1', 'identity;q=0', 'x'.repeat(2000))),
      header('OpenStack-API-Version', fc.oneof(fc.constantFrom('compute 2.96', 'compute latest', 'compute 99.99'), oddString.map(rawHeaderText))),
      header('Content-Encoding', fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'bogus')),
      header('X-Forwarded-For', fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, ::1', ''.padEnd(500, '1.'))),
      header('X-Forwarded-Proto', fc.constantFrom('https', 'gopher', '')),
      header('Range', fc.constantFrom('bytes=0-1', 'bytes=9999999999999999999-', 'bytes=-', 'lines=1-2')),
      header('If-None-Match', fc.constantFrom('*', '"x"', 'W/"', '')),
      header('Expect', fc.constantFrom('100-continue', 'nothing-we-know')),
      header('X-Big', fc.integer({ min: 1000, max: 20_000 }).map((n) => 'b'.repeat(n))),
      header('Upgrade', fc.constantFrom('websocket', 'h2c')),
      header('X-Auth-Token', fc.constantFrom('chosen-by-the-browser', '')),
      header('Authorization', fc.constantFrom('Bearer x', 'Basic Og==')),
    )
    .map((headers) => headers.filter((header) => header !== undefined));
}

/** Header values reach the socket as latin1; CR, LF and NUL stay raw some of the time (Node then refuses the request). */
function rawHeaderText(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

export interface FuzzRoute {
  /** The route's own methods: most cases use one of them, the others any method (unless `onlyTheseMethods`). */
  methods: string[];
  /** Against a real cloud: no method that could change something there. */
  onlyTheseMethods?: boolean;
  target: fc.Arbitrary<string>;
  /** The route's own body shape (jsonBody); without one, cases send none or any. */
  body?: fc.Arbitrary<Buffer>;
}

export interface FuzzedRequest {
  method: string;
  target: string;
  claim: SessionClaim;
  garbageCookie: string;
  csrf: string | undefined;
  contentType: string;
  headers: [string, string][];
  body: Buffer | undefined;
}

/**
 * Requests to a route: mostly its own method, target and body shape; any other method, an odd path suffix and query,
 * odd headers, another body sometimes. `own` holds what a signed-in browser of this server would send.
 */
export function fuzzedRequests(route: FuzzRoute, own: { csrfToken: string; scope: string; origin: string }): fc.Arbitrary<FuzzedRequest> {
  const body = route.body ?? fc.constant(undefined);
  return fc.record({
    method: route.onlyTheseMethods ? fc.constantFrom(...route.methods) : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...route.methods) }, anyMethod),
    target: fc
      .tuple(route.target, fc.oneof({ weight: 3, arbitrary: fc.constant('') }, oddPathSuffix.map((suffix) => `/${suffix}`)), oddQuery)
      .map(([target, suffix, query]) => `${target}${suffix}${query}`),
    claim: sessionClaim,
    garbageCookie: badCookie,
    csrf: fc.oneof({ weight: 8, arbitrary: fc.constant(own.csrfToken) }, fc.constant(undefined), oddString, fc.constant(`${own.csrfToken}\0`)),
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, contentTypes),
    headers: oddHeaders(own),
    body: fc.oneof({ weight: 8, arbitrary: body }, fc.constant(undefined), jsonBody({})),
  });
}

/** The bytes to send for a case, with the cookie its session claim stands for. */
export function toRawRequest(fuzzed: FuzzedRequest, cookie: string | undefined): RawRequest {
  const headers: [string, string][] = [];
  if (cookie !== undefined) headers.push(['Cookie', cookie]);
  if (fuzzed.csrf !== undefined) headers.push(['X-CSRF-Token', Buffer.from(fuzzed.csrf).toString('latin1')]);
  if (fuzzed.body !== undefined && fuzzed.contentType) headers.push(['Content-Type', fuzzed.contentType]);
  headers.push(...fuzzed.headers);
  return { method: fuzzed.method, target: fuzzed.target, headers, body: fuzzed.body };
}

/** The BFF's codes for a service that failed it: no connection or answer, nonsense, no version document, no region. */
const serviceFailureCodes = ['upstream_unreachable', 'upstream_error', 'no_version_document', 'no_region'];

export interface AnswerRules {
  /** How the stand-in's or the cloud's request ids start: an answer with one is the service's. */
  serviceRequestIdPrefix: string;
  /** Against the real cloud, whose services can fail on odd input without the BFF being at fault. */
  realCloud?: boolean;
  /** The services answer nonsense on purpose: the BFF's 502 saying so is right. */
  serviceMayFail?: boolean;
}

/**
 * The rule for every answer: an HTTP answer (the BFF did not crash or hang), with the BFF's request id, no 5xx of the
 * BFF's own, and every refusal in the BFF's error body. A 5xx or 4xx carrying the stand-in service's request id is
 * that service's answer passed through, not the BFF's.
 */
export function expectBffAnswer(response: TestResponse, request: RawRequest, options: AnswerRules): void {
  const where = `${request.method} ${request.target.slice(0, 200)} → ${response.status} ${response.body.slice(0, 300)}`;
  expect(response.status, where).toBeGreaterThanOrEqual(100);
  expect(response.headers[zenithRequestIdHeader], where).toBeDefined();
  const body = ErrorBody.safeParse(safeJson(response.body));
  const hasServiceId = String(response.headers['x-openstack-request-id'] ?? '').startsWith(options.serviceRequestIdPrefix);
  // A real service's web server may answer without its request id (uwsgi's own 414, say): through the proxy, any
  // answer not in the BFF's shape is the service's.
  const proxiedAnswer = options.realCloud === true && request.target.startsWith('/api/os/') && !body.success;
  if (hasServiceId || proxiedAnswer) {
    expect(body.success, `a service's answer in the BFF's error shape: ${where}`).toBe(false);
    return;
  }
  // A real service may fail the BFF (drop the connection, answer nonsense): the BFF then says so, as a 502.
  const serviceFailed =
    (options.realCloud === true || options.serviceMayFail === true) && response.status === 502 && serviceFailureCodes.includes(body.data?.error.code ?? '');
  if (serviceFailed) return;
  expect(response.status, where).toBeLessThan(500);
  if (response.status < 400 || request.method === 'HEAD') return;
  expect(response.headers['content-type'], where).toContain('application/json');
  expect(body.success, where).toBe(true);
  expect(body.data?.error.status, where).toBe(response.status);
  expect(body.data?.error.message, where).not.toBe('');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a stand-in service answers. */
export interface CloudAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Answers no Keystone or service should give: odd statuses, headers a sign-in reads (a token id, an auth receipt)
 * present or not, and bodies that are cut short, not JSON, or a real document with members removed or retyped.
 * `document` makes a real answer (a token) to mangle; the others come from Keystone's reference.
 */
export function cloudNonsense(document: () => unknown): fc.Arbitrary<CloudAnswer> {
  const realDocuments = fc.constantFrom<() => unknown>(
    document,
    () => ({ receipt: { methods: ['password'], user: { id: 'u1', name: 'demo', domain: { id: 'default', name: 'Default' } }, expires_at: new Date(Date.now() + 300_000).toISOString(), issued_at: new Date().toISOString() }, required_auth_methods: [['password', 'totp']] }),
    () => ({ projects: [{ id: 'p1', name: 'demo', domain_id: 'default', enabled: true }] }),
    () => ({ user: { id: 'u1', name: 'demo', domain_id: 'default', enabled: true, options: {} } }),
    () => ({ credentials: [{ id: 'c1', access: 'a', tenant_id: 'p1', user_id: 'u1', trust_id: null, blob: 'x' }] }),
    () => ({ version: { id: 'v2.1', status: 'CURRENT', version: '2.96', min_version: '2.1' } }),
    () => ({ versions: [{ id: 'v2.0', status: 'CURRENT' }] }),
  );
  const mangled = fc
    .tuple(realDocuments, fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant(removed), oddJsonValue)), { minLength: 1, maxLength: 3 }))
    .map(([make, edits]) => JSON.stringify(mangle(make(), edits)));
  const body = fc.oneof(
    { weight: 4, arbitrary: mangled },
    { weight: 2, arbitrary: realDocuments.map((make) => JSON.stringify(make())) },
    fc.tuple(realDocuments, fc.nat()).map(([make, at]) => {
      const text = JSON.stringify(make());
      return text.slice(0, at % text.length);
    }),
    oddJsonValue.map((value) => JSON.stringify(value) ?? ''),
    fc.constantFrom('', 'not json', '<html><body>Service Unavailable</body></html>', '{"error":{"code":500}}', 'null'),
  );
  return fc.record({
    status: fc.constantFrom(200, 201, 202, 204, 300, 400, 401, 403, 404, 409, 413, 500, 503),
    headers: fc.record(
      {
        'content-type': fc.constantFrom('application/json', 'text/html', 'text/plain'),
        'x-subject-token': fc.constantFrom('nonsense-token', ''),
        'openstack-auth-receipt': fc.constantFrom('nonsense-receipt', ''),
        'x-openstack-request-id': fc.constant('req-nonsense'),
      },
      { requiredKeys: ['content-type', 'x-openstack-request-id'] },
    ),
    body,
  });
}

const removed = Symbol('removed');

/** The document with the leaves (and objects) at these positions, counted depth-first, replaced or removed. */
function mangle(document: unknown, edits: readonly (readonly [number, unknown])[]): unknown {
  const copy: unknown = structuredClone(document);
  const places: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach((item, index) => (places.push([value, index]), walk(item)));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        places.push([value as Record<string, unknown>, key]);
        walk(item);
      }
    }
  };
  walk(copy);
  for (const [at, replacement] of edits) {
    const place = places[at % Math.max(1, places.length)];
    if (!place) continue;
    const [container, key] = place;
    if (replacement === removed) {
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key as string];
    } else if (Array.isArray(container)) container[Number(key)] = replacement;
    else container[key as string] = replacement;
  }
  return copy;
}
