// A loopback HTTP server stands in for an OpenStack endpoint here only to observe headers crossing the
// proxy; what the real services do is covered by the integration tests against the local cloud.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../contract/error-body.js';
import { globalRequestIdPattern, zenithRequestIdHeader } from '../contract/request-id.js';
import {
  json,
  listen,
  LogCapture,
  sampleAuth,
  sampleCatalog,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningServer,
  type RunningZenith,
  removeTemporaryDirectories,
} from '../testing/harness.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let upstream: RunningServer;
let zenith: RunningZenith;
let browser: TestBrowser;
const seen: Seen[] = [];
const auth = sampleAuth();
const logs = new LogCapture();

beforeAll(async () => {
  upstream = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      const base = `http://${req.headers.host}/v2.1`;
      const location = req.url?.includes('elsewhere') ? 'http://elsewhere.example/v2.1/servers/1' : `${base}/servers/1`;
      res.writeHead(req.url?.includes('created') ? 202 : 200, {
        'content-type': 'application/json',
        'x-openstack-request-id': 'req-0123',
        'openstack-api-version': 'compute 2.96',
        vary: 'OpenStack-API-Version',
        etag: '"abc"',
        location,
        'set-cookie': 'upstream-session=1; HttpOnly',
        'x-subject-token': 'gAAAAA-upstream-token',
        server: 'Apache/2.4',
        'x-internal-debug': 'secret',
      });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  const config = testConfig();
  config.server.logLevel = 'info';
  zenith = await startZenith(config, logs);
  browser = new TestBrowser(zenith.baseUrl);
  const signedIn = sampleAuth({ catalog: sampleCatalog(`${upstream.baseUrl}/v2.1`), token: auth.token });
  browser.cookie = await seedSession(zenith.sessions, signedIn, 'csrf-1');
  browser.csrfToken = 'csrf-1';
});

afterAll(async () => {
  await zenith.close();
  await upstream.close();
  removeTemporaryDirectories();
});

describe('proxy request headers', () => {
  it('sends the session token and the allow-listed headers, and nothing that authenticates the browser', async () => {
    seen.length = 0;
    const response = await browser.send('/api/os/compute/servers/detail?limit=1', {
      headers: {
        authorization: 'Bearer from-the-browser',
        'x-auth-token': 'chosen-by-the-browser',
        origin: 'http://evil.example',
        referer: 'http://evil.example/page',
        'x-forwarded-for': '10.0.0.1',
        'accept-encoding': 'gzip',
        'openstack-api-version': 'compute 2.90',
        accept: 'application/json',
      },
    });
    expect(response.status).toBe(200);
    const [request] = seen;
    expect(request?.url).toBe('/v2.1/servers/detail?limit=1');
    expect(request?.headers['x-auth-token']).toBe(auth.token);
    expect(request?.headers['openstack-api-version']).toBe('compute 2.90');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers.host).toBe(new URL(upstream.baseUrl).host);
    for (const name of ['cookie', 'authorization', 'x-csrf-token', 'origin', 'referer', 'x-forwarded-for', 'accept-encoding']) {
      expect(request?.headers[name], name).toBeUndefined();
    }
  });

  it('streams a request body through unchanged, with the CSRF token kept here', async () => {
    seen.length = 0;
    const payload = JSON.stringify({ keypair: { name: 'k', padding: 'x'.repeat(100_000) } });
    const response = await browser.send('/api/os/compute/created', {
      method: 'POST',
      body: payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(202);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.body).toBe(payload);
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('treats an upload sent with Expect: 100-continue (curl, SDKs) like any other: token in, cookie out', async () => {
    seen.length = 0;
    const payload = 'x'.repeat(2 * 1024 * 1024);
    const response = await browser.send('/api/os/compute/created', {
      method: 'PUT',
      body: payload,
      headers: { 'content-type': 'application/octet-stream', expect: '100-continue' },
    });
    expect(response.status).toBe(202);
    expect(seen[0]?.body.length).toBe(payload.length);
    expect(seen[0]?.headers['x-auth-token']).toBe(auth.token);
    for (const name of ['cookie', 'x-csrf-token', 'expect']) expect(seen[0]?.headers[name], name).toBeUndefined();
  });
});

describe('request id', () => {
  interface LogLine {
    req?: { id?: string };
    res?: { statusCode?: number; openstackRequestId?: string };
  }
  const logLineOf = (id: string) => logs.lines.map((line) => JSON.parse(line) as LogLine).find((line) => line.req?.id === id);

  it("mints one per call, sends it upstream as the service's global request id, logs it and returns it", async () => {
    seen.length = 0;
    const response = await browser.send('/api/os/compute/servers', {
      headers: { 'x-openstack-request-id': 'req-00000000-0000-0000-0000-000000000000' },
    });
    const id = response.headers[zenithRequestIdHeader];
    // oslo.middleware ignores anything but `req-<lowercase uuid>`.
    expect(id).toMatch(globalRequestIdPattern);
    expect(seen[0]?.headers['x-openstack-request-id']).toBe(id);
    // The service's own id still comes back, next to the BFF's.
    expect(response.headers['x-openstack-request-id']).toBe('req-0123');
    await vi.waitFor(() => expect(logLineOf(String(id))?.res).toEqual({ statusCode: 200, openstackRequestId: 'req-0123' }));

    const again = await browser.send('/api/os/compute/servers');
    expect(again.headers[zenithRequestIdHeader]).toMatch(globalRequestIdPattern);
    expect(again.headers[zenithRequestIdHeader]).not.toBe(id);
  });

  it("comes with the BFF's own errors too", async () => {
    const response = await browser.send('/api/os/compute/servers', { headers: { 'x-zenith-scope': 'other-project/RegionOne' } });
    expect(response.status).toBe(409);
    const id = String(response.headers[zenithRequestIdHeader]);
    expect(id).toMatch(globalRequestIdPattern);
    await vi.waitFor(() => expect(logLineOf(id)?.res?.statusCode).toBe(409));
  });
});

describe('methods', () => {
  it('passes only the methods OpenStack APIs define: TRACE, OPTIONS and the like get a 405 without reaching the service', async () => {
    seen.length = 0;
    for (const method of ['TRACE', 'OPTIONS', 'PROPFIND', 'LOCK', 'PURGE']) {
      const response = await browser.send('/api/os/compute/servers', { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
      expect(json<ErrorBody>(response).error.code, method).toBe('method_not_allowed');
    }
    expect(seen).toEqual([]);
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      expect((await browser.send('/api/os/compute/servers', { method })).status, method).toBe(200);
    }
  });
});

describe('scope guard', () => {
  it('refuses a request made for another project or region than the session’s, before any upstream call', async () => {
    seen.length = 0;
    for (const scope of [`other-project/RegionOne`, `${auth.project.id}/RegionTwo`]) {
      const response = await browser.send('/api/os/compute/servers', { headers: { 'x-zenith-scope': scope } });
      expect(response.status, scope).toBe(409);
      expect(json<ErrorBody>(response).error.code).toBe('scope_changed');
    }
    expect(seen).toEqual([]);
  });

  it('lets a request for the session’s own scope through, without passing the header on', async () => {
    seen.length = 0;
    const response = await browser.send('/api/os/compute/servers', {
      headers: { 'x-zenith-scope': `${auth.project.id}/RegionOne` },
    });
    expect(response.status).toBe(200);
    expect(seen[0]?.headers['x-zenith-scope']).toBeUndefined();
  });
});

describe('proxy response headers', () => {
  it('passes back only allow-listed headers: no set-cookie, no token, no server details', async () => {
    const response = await browser.send('/api/os/compute/servers');
    expect(response.headers['x-openstack-request-id']).toBe('req-0123');
    expect(response.headers['openstack-api-version']).toBe('compute 2.96');
    expect(response.headers.vary).toBe('OpenStack-API-Version');
    expect(response.headers.etag).toBe('"abc"');
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['x-subject-token']).toBeUndefined();
    expect(response.headers['x-internal-debug']).toBeUndefined();
    expect(response.headers.server).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toBe('{"ok":true}');
  });

  it('rewrites a Location inside the endpoint to the BFF path', async () => {
    const response = await browser.send('/api/os/compute/servers');
    expect(response.headers.location).toBe('/api/os/compute/servers/1');
  });

  it('drops a Location that points elsewhere', async () => {
    const response = await browser.send('/api/os/compute/elsewhere');
    expect(response.status).toBe(200);
    expect(response.headers.location).toBeUndefined();
  });

  it('answers 502 in the error format when the endpoint does not answer', async () => {
    const offline = new TestBrowser(zenith.baseUrl);
    offline.cookie = await seedSession(zenith.sessions, sampleAuth({ catalog: sampleCatalog('http://127.0.0.1:9/v2.1') }), 'c');
    const response = await offline.send('/api/os/compute/servers');
    expect(response.status).toBe(502);
    expect(json<ErrorBody>(response).error).toEqual({
      status: 502,
      code: 'upstream_unreachable',
      message: 'The compute service (127.0.0.1:9) is unreachable: connection refused',
    });
  });
});

describe('upstream connections', () => {
  interface ProxiedLine {
    msg: string;
    req?: { id?: string };
    serviceType?: string;
    upstream?: { ms: number; firstByteMs?: number; reusedConnection: boolean };
    bffMs?: number;
  }

  /** An endpoint that counts the TCP connections it is given, and answers `/slow` after `slowMs`. */
  async function countingUpstream(slowMs = 0) {
    let connections = 0;
    const server = http.createServer((req, res) => {
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (req.url?.endsWith('/slow')) setTimeout(answer, slowMs);
      else answer();
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      connections: () => connections,
      close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
    };
  }

  async function debugZenith(endpoint: string) {
    const debugLogs = new LogCapture();
    const config = testConfig();
    config.server.logLevel = 'debug';
    const running = await startZenith(config, debugLogs);
    const client = new TestBrowser(running.baseUrl);
    client.cookie = await seedSession(running.sessions, sampleAuth({ catalog: sampleCatalog(`${endpoint}/v2.1`) }), 'c');
    const proxiedLines = () =>
      debugLogs.lines.map((line) => JSON.parse(line) as ProxiedLine).filter((line) => line.msg === 'proxied');
    return { running, client, debugLogs, proxiedLines };
  }

  it('sends one request after another on the same kept-alive connection, and says so in its debug line', async () => {
    const endpoint = await countingUpstream();
    const { running, client, debugLogs, proxiedLines } = await debugZenith(endpoint.baseUrl);
    try {
      const first = await client.send('/api/os/compute/servers');
      const second = await client.send('/api/os/compute/flavors');
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(endpoint.connections()).toBe(1);

      await vi.waitFor(() => expect(proxiedLines()).toHaveLength(2));
      const [firstLine, secondLine] = proxiedLines();
      expect(firstLine?.req?.id).toBe(first.headers[zenithRequestIdHeader]);
      expect(firstLine).toMatchObject({ serviceType: 'compute', upstream: { reusedConnection: false } });
      expect(secondLine).toMatchObject({ serviceType: 'compute', upstream: { reusedConnection: true } });
      for (const line of [firstLine, secondLine]) {
        expect(line?.upstream?.ms).toBeGreaterThanOrEqual(line?.upstream?.firstByteMs ?? Number.NaN);
        expect(line?.bffMs).toBeGreaterThanOrEqual(0);
      }
      expect(debugLogs.text).not.toContain('gAAAAA');
    } finally {
      await running.close();
      await endpoint.close();
    }
  });

  it('waits for an answer slower than the idle timeout of the kept-alive connections', { timeout: 20_000 }, async () => {
    const endpoint = await countingUpstream(6000);
    const { running, client } = await debugZenith(endpoint.baseUrl);
    try {
      const response = await client.send('/api/os/compute/slow');
      expect(response.status).toBe(200);
      expect(response.body).toBe('{"ok":true}');
    } finally {
      await running.close();
      await endpoint.close();
    }
  });
});
