// Every BFF route fed hostile requests from a socket: malformed and mistyped JSON, oversized bodies and headers,
// invalid UTF-8, NUL and CR/LF, double and invalid percent-encoding, forged and malformed cookies, absurd query
// strings, every method. The rule (expectBffAnswer): an answer, never a BFF 5xx, each refusal a 4xx in the error
// body. A loopback server stands in for Keystone and the services, so that well-formed requests go as deep as a real
// cloud would take them, and so that what crosses the proxy can be checked: nothing leaves the catalog endpoint,
// nothing but the allow-listed headers and the session's token arrive. Seeded and bounded: see testing/fuzz.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeystoneCatalogEntry } from './openstack/keystone-types.js';
import { scopeTag } from './proxy/os-proxy.js';
import { isForwardedRequestHeader } from './proxy/headers.js';
import {
  listen,
  removeTemporaryDirectories,
  sampleAuth,
  seedSession,
  signedSessionCookie,
  startZenith,
  testSecret,
  testConfig,
  type RunningServer,
  type RunningZenith,
  type TestResponse,
} from './testing/harness.js';
import {
  cloudNonsense,
  expectBffAnswer,
  fuzzedRequests,
  fuzzParameters,
  fuzzTimeoutMs,
  jsonBody,
  oddPathSuffix,
  oddString,
  toRawRequest,
  type FuzzedRequest,
  type CloudAnswer,
  type FuzzRoute,
  type SessionClaim,
} from './testing/fuzz.js';
import { rawRequest, type RawRequest } from './testing/raw-http.js';

const serviceRequestIdPrefix = 'req-stand-in-';
const token = 'gAAAAAB-fuzz-session-token';
const csrfToken = 'fuzz-csrf-token';

/** What the stand-in cloud received: method, target and raw header lines. */
interface Received {
  method: string;
  url: string;
  rawHeaders: string[];
}

/** While set, the stand-in answers every call with this instead of what Keystone or a service would. */
let nonsense: CloudAnswer | undefined;

let cloud: RunningServer;
let zenith: RunningZenith;
const received: Received[] = [];

/** Endpoint paths on the stand-in, per service, as the catalog gives them. */
const endpointPaths = { compute: '/compute/v2.1', volumev3: '/volume/v3/p1', image: '/image', identity: '/identity/v3' };

function catalog(base: string): KeystoneCatalogEntry[] {
  return Object.entries(endpointPaths).map(([type, path]) => ({
    id: type,
    type,
    name: type,
    endpoints: ['RegionOne', 'RegionTwo'].map((region) => ({
      id: `${type}-${region}`,
      interface: 'public' as const,
      region,
      region_id: region,
      url: `${base}${path}`,
    })),
  }));
}

const domain = { id: 'default', name: 'Default' };

function tokenDocument(base: string) {
  return {
    token: {
      methods: ['password'],
      user: { id: 'u1', name: 'demo', domain },
      project: { id: 'p1', name: 'demo', domain },
      roles: [{ id: 'r', name: 'member' }],
      catalog: catalog(base),
      audit_ids: ['a'],
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      issued_at: new Date().toISOString(),
    },
  };
}

/** Keystone enough for every route to go its whole way: one good password, TOTP and credential calls, version documents. */
function standInCloud(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: string): void {
  const url = req.url ?? '';
  const path = url.split('?')[0] ?? '';
  const send = (status: number, document: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-openstack-request-id': `${serviceRequestIdPrefix}${received.length}`, ...headers });
    res.end(document === undefined ? undefined : JSON.stringify(document));
  };
  const unauthorized = { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } };
  if (path === '/identity/v3/auth/tokens' && req.method === 'POST') {
    const base = `http://${req.headers.host ?? ''}`;
    if (!body.includes('"name":"demo","password":"secret"')) return send(401, unauthorized);
    return send(201, tokenDocument(base), { 'x-subject-token': `issued-${received.length}` });
  }
  if (path === '/identity/v3/auth/tokens' && req.method === 'DELETE') return send(204, undefined);
  if (path === '/identity/v3/auth/projects') return send(200, { projects: [{ id: 'p1', name: 'demo', domain_id: 'default', enabled: true }] });
  if (path === '/identity/v3/users/u1') return send(200, { user: { id: 'u1', name: 'demo', domain_id: 'default', options: {} } });
  if (path === '/identity/v3/users/u1/password') return send(401, unauthorized);
  if (path === '/identity/v3/users/u1/credentials/OS-EC2') return send(200, { credentials: [] });
  if (path === '/identity/v3/credentials') return send(req.method === 'POST' ? 201 : 200, req.method === 'POST' ? { credential: { id: 'c1' } } : { credentials: [] });
  if (/^\/(compute\/v2\.1|volume\/v3|image)\/?$/.test(path) || path === '/') {
    return send(200, { version: { id: 'v2.1', status: 'CURRENT', version: '2.96', min_version: '2.1' } });
  }
  // The services' own refusals and failures, to be passed through as theirs.
  if (path.includes('missing')) return send(404, { itemNotFound: { code: 404, message: 'Instance could not be found.' } });
  if (path.includes('broken')) return send(503, { computeFault: { code: 503, message: 'Service Unavailable' } });
  send(200, { ok: true });
}

beforeAll(async () => {
  cloud = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders });
      if (nonsense) {
        res.writeHead(nonsense.status, nonsense.headers);
        res.end(nonsense.body);
        return;
      }
      standInCloud(req, res, Buffer.concat(chunks).toString());
    });
  });
  const config = testConfig({ authUrl: `${cloud.baseUrl}${endpointPaths.identity}` });
  // Every fuzzed sign-in fails: the limiter would otherwise answer 429 before the later cases reach the routes.
  config.server.loginRateLimit = { windowMs: 60_000, maxFailuresPerIp: 1_000_000, maxFailuresPerUsername: 1_000_000 };
  mkdirSync(join(config.server.clientDist, 'assets'), { recursive: true });
  writeFileSync(join(config.server.clientDist, 'index.html'), '<!doctype html><html><head><title>Zenith</title></head><body></body></html>');
  writeFileSync(join(config.server.clientDist, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(config.server.clientDist, 'assets', 'app-1234.js.gz'), 'not really gzip');
  writeFileSync(join(config.server.clientDist, 'favicon.svg'), '<svg/>');
  zenith = await startZenith(config);
});

afterAll(async () => {
  await zenith.close();
  await cloud.close();
  removeTemporaryDirectories();
});

const signedIn = () => sampleAuth({ token, catalog: catalog(cloud.baseUrl), project: { id: 'p1', name: 'demo', domain: { id: 'default', name: 'Default' } } });

/** A fresh session per case: logout, a password change or a scope switch in one case must not change the next. */
async function cookieFor(claim: SessionClaim, garbage: string): Promise<string | undefined> {
  switch (claim) {
    case 'signed-in':
      return seedSession(zenith.sessions, signedIn(), csrfToken);
    case 'none':
      return undefined;
    case 'unknown-id':
      // Signed with the server's secret, naming no stored session.
      return signedSessionCookie('never-stored', testSecret);
    case 'forged':
      // A stored session, its cookie signed with another secret.
      return seedSession(zenith.sessions, signedIn(), csrfToken, 'another-secret');
    case 'garbage':
      return garbage;
  }
}

async function send(fuzzed: FuzzedRequest): Promise<RawRequest & { answer: TestResponse }> {
  const request = toRawRequest(fuzzed, await cookieFor(fuzzed.claim, fuzzed.garbageCookie));
  return { ...request, answer: await rawRequest(zenith.baseUrl, request) };
}

/** What reached the stand-in for the proxy stayed inside the endpoint and carried only what the proxy lets through. */
function expectOnlySafeForwarding(since: number): void {
  const prefixes = Object.values(endpointPaths);
  for (const call of received.slice(since)) {
    const path = call.url.split('?')[0] ?? '';
    // Inside an endpoint, or (version discovery) one of its parents.
    const inside = prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || (call.method === 'GET' && `${prefix}/`.startsWith(path)));
    expect(inside, call.url).toBe(true);
    // Whatever decodes a path next (once or twice) must find no dot segment, slash or backslash smuggled in.
    const segments = path.split('/');
    for (const segment of segments) {
      const once = safeDecode(segment);
      expect(['.', '..'].includes(once) || ['.', '..'].includes(safeDecode(once)), call.url).toBe(false);
      expect(/[/\\]/.test(once), call.url).toBe(false);
    }
    const names = call.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
    const values = call.rawHeaders.filter((_, index) => index % 2 === 1);
    for (const name of names) {
      expect(isForwardedRequestHeader(name) || ['x-auth-token', 'x-openstack-request-id', 'connection', 'x-subject-token', 'openstack-auth-receipt'].includes(name), name).toBe(true);
    }
    for (const value of values) expect(/[\r\n\0]/.test(value), value).toBe(false);
    if (!path.startsWith(endpointPaths.identity)) {
      const tokens = call.rawHeaders.filter((_, index) => index % 2 === 1 && call.rawHeaders[index - 1]?.toLowerCase() === 'x-auth-token');
      // The session's token, or (version discovery after a fuzzed sign-in that worked) one the stand-in issued.
      expect(tokens, call.url).toHaveLength(1);
      expect(tokens[0] === token || /^issued-\d+$/.test(tokens[0] ?? ''), call.url).toBe(true);
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function fuzzRoute(route: FuzzRoute): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fuzzedRequests(route, { csrfToken, scope: 'p1/RegionOne', origin: zenith.baseUrl }), async (fuzzed) => {
      const since = received.length;
      const sent = await send(fuzzed);
      expectBffAnswer(sent.answer, sent, { serviceRequestIdPrefix });
      expectOnlySafeForwarding(since);
    }),
    fuzzParameters(),
  );
}

const name = fc.oneof(fc.constantFrom('demo', 'Default', 'RegionOne', 'RegionTwo', 'p1'), oddString);
const secret = fc.oneof(fc.constant('secret'), oddString);
const passcode = fc.oneof(fc.constantFrom('123456', ' 123456 ', '12345', '1234567'), oddString);

describe('fuzzed requests get an answer, no BFF 5xx, and every refusal in the error body', { timeout: fuzzTimeoutMs() }, () => {
  it('POST /api/auth/login', () =>
    fuzzRoute({
      methods: ['POST'],
      target: fc.constant('/api/auth/login'),
      body: jsonBody({ username: name, password: secret, userDomain: name, project: name, projectDomain: name, region: name }),
    }));

  it('POST /api/auth/login/totp', () =>
    fuzzRoute({ methods: ['POST'], target: fc.constant('/api/auth/login/totp'), body: jsonBody({ passcode }) }));

  it('POST /api/auth/login/application-credential', () =>
    fuzzRoute({
      methods: ['POST'],
      target: fc.constant('/api/auth/login/application-credential'),
      body: jsonBody({ id: name, name, username: name, userDomain: name, secret, region: name }),
    }));

  it('POST /api/auth/renew and /renew/totp', () =>
    fuzzRoute({
      methods: ['POST'],
      target: fc.constantFrom('/api/auth/renew', '/api/auth/renew/totp'),
      body: jsonBody({ method: fc.constantFrom('password', 'application_credential'), username: name, userDomain: name, password: secret, secret, passcode }),
    }));

  it('POST /api/auth/scope (project and region switch)', () =>
    fuzzRoute({ methods: ['POST'], target: fc.constant('/api/auth/scope'), body: jsonBody({ projectId: name, region: name }) }));

  it('POST /api/auth/logout', () => fuzzRoute({ methods: ['POST'], target: fc.constant('/api/auth/logout'), body: jsonBody({}) }));

  it('GET /api/auth/session, /projects, /catalog, /ec2-credentials', () =>
    fuzzRoute({ methods: ['GET', 'HEAD'], target: fc.constantFrom('/api/auth/session', '/api/auth/projects', '/api/auth/catalog', '/api/auth/ec2-credentials') }));

  it('/api/account and its password and TOTP routes', () =>
    fuzzRoute({
      methods: ['GET', 'POST'],
      target: fc.constantFrom('/api/account', '/api/account/password', '/api/account/totp', '/api/account/totp/confirm'),
      body: jsonBody({ originalPassword: secret, password: secret, passcode }),
    }));

  it('GET /api/versions/<service>', () =>
    fuzzRoute({
      methods: ['GET'],
      target: fc.oneof(fc.constantFrom('compute', 'volumev3', 'image', 'identity', 'network'), oddPathSuffix).map((type) => `/api/versions/${type}`),
    }));

  it('/api/os/<service>/<path> (the proxy)', () =>
    fuzzRoute({
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      target: fc
        .tuple(
          fc.oneof({ weight: 4, arbitrary: fc.constantFrom('compute', 'volumev3', 'image', 'volume', 'block-storage') }, fc.constantFrom('network', '', 'COMPUTE', '..', '%2e%2e', 'compute%2f..')),
          fc.constantFrom('servers/detail', 'servers/missing', 'servers/broken', 'os-keypairs', 'v2/images', ''),
        )
        .map(([service, path]) => `/api/os/${service}/${path}`),
      body: jsonBody({ server: fc.record({ name }), keypair: fc.record({ name }) }),
    }));

  it('/api/everywhere/<service>/<list> (reads across projects)', () =>
    fuzzRoute({
      methods: ['GET', 'HEAD', 'POST'],
      target: fc
        .tuple(
          fc.constantFrom('compute', 'block-storage', 'volumev3', 'network', '..', '', 'COMPUTE'),
          fc.constantFrom('servers/detail', 'volumes/detail', 'v2.0/floatingips', 'servers/detail/..', 'servers', ''),
          fc.oneof(fc.constant(''), oddPathSuffix.map((suffix) => `?name=${suffix}`), oddPathSuffix.map((suffix) => `?${suffix}`)),
        )
        .map(([service, path, query]) => `/api/everywhere/${service}/${path}${query}`),
    }));

  it('static files, index.html and the SPA pages', () =>
    fuzzRoute({
      methods: ['GET', 'HEAD'],
      target: fc.constantFrom('/', '/index.html', '/login', '/compute/servers/abc', '/assets/app-1234.js', '/assets/missing.js', '/favicon.svg', '/assets', '/api', '/.env'),
    }));

  it('every other path', () =>
    fuzzRoute({ methods: ['GET', 'POST', 'DELETE'], target: oddPathSuffix.map((path) => `/${path}`) }));

  it('still serves a signed-in session afterwards', async () => {
    const cookie = await seedSession(zenith.sessions, signedIn(), csrfToken);
    const session = await rawRequest(zenith.baseUrl, { method: 'GET', target: '/api/auth/session', headers: [['Cookie', cookie]] });
    expect(session.status).toBe(200);
    const proxied = await rawRequest(zenith.baseUrl, {
      method: 'GET',
      target: '/api/os/compute/servers',
      headers: [['Cookie', cookie], ['X-Zenith-Scope', scopeTag(signedIn())]],
    });
    expect(proxied.status).toBe(200);
  });
});

/**
 * Well-formed requests whose Keystone or service answers nonsense: a status it never uses there, a body cut short,
 * members missing or of another type. The BFF may say the service failed (a 502 in its error body), never fail itself.
 */
describe('Keystone and the services answering nonsense: no BFF 500, every failure in the error body', { timeout: fuzzTimeoutMs() }, () => {
  const calls: [string, { method: string; target: string; body?: unknown; signedIn: boolean }][] = [
    ['password sign-in', { method: 'POST', target: '/api/auth/login', body: { username: 'demo', password: 'secret' }, signedIn: false }],
    ['application credential sign-in', { method: 'POST', target: '/api/auth/login/application-credential', body: { id: 'ac1', secret: 's' }, signedIn: false }],
    ['renewal', { method: 'POST', target: '/api/auth/renew', body: { method: 'password', username: 'demo', password: 'secret' }, signedIn: true }],
    ['project switch', { method: 'POST', target: '/api/auth/scope', body: { projectId: 'p2' }, signedIn: true }],
    ["the user's projects", { method: 'GET', target: '/api/auth/projects', signedIn: true }],
    ['EC2 credentials', { method: 'GET', target: '/api/auth/ec2-credentials', signedIn: true }],
    ['account', { method: 'GET', target: '/api/account', signedIn: true }],
    ['password change', { method: 'POST', target: '/api/account/password', body: { originalPassword: 'a', password: 'b' }, signedIn: true }],
    ['logout', { method: 'POST', target: '/api/auth/logout', signedIn: true }],
    ['version discovery', { method: 'GET', target: '/api/versions/image', signedIn: true }],
    // What the proxy passes through is the service's (its request id says so); a 401 ends the session.
    ['a proxied read', { method: 'GET', target: '/api/os/compute/servers/detail', signedIn: true }],
    ['the page, with its bootstrap', { method: 'GET', target: '/', signedIn: true }],
  ];

  it.each(calls)('%s', async (_name, call) => {
    await fc.assert(
      fc.asyncProperty(cloudNonsense(() => tokenDocument(cloud.baseUrl)), async (answer) => {
        const cookie = call.signedIn ? await seedSession(zenith.sessions, signedIn(), csrfToken) : undefined;
        const body = call.body === undefined ? undefined : JSON.stringify(call.body);
        const headers: [string, string][] = [['X-CSRF-Token', csrfToken]];
        if (cookie) headers.push(['Cookie', cookie]);
        if (body !== undefined) headers.push(['Content-Type', 'application/json']);
        const request = { method: call.method, target: call.target, headers, body };
        nonsense = answer;
        try {
          const response = await rawRequest(zenith.baseUrl, request);
          expectBffAnswer(response, request, { serviceRequestIdPrefix: 'req-nonsense', serviceMayFail: true });
        } finally {
          nonsense = undefined;
        }
      }),
      fuzzParameters(),
    );
  });
});
