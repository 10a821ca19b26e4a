import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { globalRequestIdPattern, zenithRequestIdHeader } from '../src/contract/request-id.js';
import type { SessionView } from '../src/contract/session.js';
import type { ErrorBody } from '../src/contract/error-body.js';
import type { ServiceVersions } from '../src/contract/versions.js';
import { json, LogCapture, startZenith, TestBrowser, type RunningZenith, type TestResponse, removeTemporaryDirectories } from '../src/testing/harness.js';
import { cloudLogin, credentials, expectNoToken, integrationConfig, revokeInKeystone, tokenInStore, waitForCloud } from './support.js';

let zenith: RunningZenith;
let browser: TestBrowser;
const logs = new LogCapture();

async function signIn(): Promise<TestBrowser> {
  const signedIn = new TestBrowser(zenith.baseUrl);
  const { username, password } = credentials('zenith-demo');
  const response = await signedIn.send('/api/auth/login', { method: 'POST', json: { username, password } });
  expect(response.status).toBe(200);
  signedIn.csrfToken = json<SessionView>(response).csrfToken;
  return signedIn;
}

beforeAll(async () => {
  await waitForCloud();
  const config = integrationConfig();
  // The proxy's per-request line (upstream time, the BFF's own, connection reuse) is at debug level.
  config.server.logLevel = 'debug';
  zenith = await startZenith(config, logs);
  browser = await signIn();
});

afterAll(async () => {
  await zenith?.close();
  removeTemporaryDirectories();
});

function expectProxied(response: TestResponse) {
  expect(response.status, response.body).toBe(200);
  expect(response.headers['x-openstack-request-id'] ?? response.headers['x-compute-request-id']).toMatch(/^req-/);
  expect(response.headers['set-cookie']).toBeUndefined();
  expectNoToken(response);
}

describe('proxy to the local cloud', () => {
  it('lists servers (compute)', async () => {
    const response = await browser.send('/api/os/compute/servers');
    expectProxied(response);
    expect(json<{ servers: unknown[] }>(response).servers).toBeInstanceOf(Array);
    expect(response.headers['x-openstack-request-id']).toMatch(/^req-/);
  });

  it('passes a microversion both ways (compute)', async () => {
    const response = await browser.send('/api/os/compute/flavors/detail', { headers: { 'openstack-api-version': 'compute 2.61' } });
    expectProxied(response);
    expect(response.headers['openstack-api-version']).toBe('compute 2.61');
    const names = json<{ flavors: { name: string }[] }>(response).flavors.map((flavor) => flavor.name);
    expect(names).toEqual(expect.arrayContaining(['m1.tiny', 'm1.small', 'm1.medium']));
  });

  it('lists images (image v2)', async () => {
    const response = await browser.send('/api/os/image/v2/images');
    expectProxied(response);
    expect(json<{ images: { name: string }[] }>(response).images.map((image) => image.name)).toContain('cirros-tiny');
  });

  it('lists networks (network v2.0)', async () => {
    const response = await browser.send('/api/os/network/v2.0/networks');
    expectProxied(response);
    const names = json<{ networks: { name: string }[] }>(response).networks.map((network) => network.name);
    expect(names).toEqual(expect.arrayContaining(['demo-net', 'public']));
  });

  it('lists volumes through volumev3 and the block-storage alias', async () => {
    for (const type of ['volumev3', 'block-storage', 'volume']) {
      const response = await browser.send(`/api/os/${type}/volumes`);
      expectProxied(response);
      expect(json<{ volumes: unknown[] }>(response).volumes).toBeInstanceOf(Array);
    }
  });

  it('lists stacks (orchestration)', async () => {
    const response = await browser.send('/api/os/orchestration/stacks');
    expectProxied(response);
    expect(json<{ stacks: unknown[] }>(response).stacks).toBeInstanceOf(Array);
  });

  it('passes upstream errors through with the service\'s request id (404)', async () => {
    const response = await browser.send('/api/os/compute/servers/00000000-0000-0000-0000-000000000000');
    expect(response.status).toBe(404);
    expect(response.headers['x-openstack-request-id']).toMatch(/^req-/);
    expect((await browser.send('/api/auth/session')).status).toBe(200);
  });
});

/** Where e2e/cloud writes the services' logs (LOG_DIR in e2e/cloud/lib.sh). */
const cloudLogDir = '/var/lib/zenith-cloud/log';

describe('one request id from the browser to the service', () => {
  it.each([
    ['compute', '/api/os/compute/servers/00000000-0000-0000-0000-000000000000', 'nova-api.log'],
    ['network', '/api/os/network/v2.0/networks/00000000-0000-0000-0000-000000000000', 'neutron-server.log'],
  ])("reaches %s as its global request id: the browser, the BFF's log and the service's log share it", async (_service, path, logFile) => {
    const response = await browser.send(path);
    expect(response.status).toBe(404);
    const zenithId = String(response.headers[zenithRequestIdHeader]);
    const serviceId = String(response.headers['x-openstack-request-id']);
    expect(zenithId).toMatch(globalRequestIdPattern);
    expect(serviceId).toMatch(globalRequestIdPattern);
    expect(serviceId).not.toBe(zenithId);
    await vi.waitFor(
      () => {
        const line = logs.lines.find((entry) => entry.includes(`"id":"${zenithId}"`));
        expect(line).toContain(`"openstackRequestId":"${serviceId}"`);
      },
      { timeout: 5_000 },
    );
    // oslo.log's context is `[global_request_id request_id user project ...]`.
    await vi.waitFor(() => expect(readFileSync(`${cloudLogDir}/${logFile}`, 'utf8')).toContain(`[${zenithId} ${serviceId} `), {
      timeout: 15_000,
      interval: 500,
    });
  });
});

describe('writes through the proxy', () => {
  const keyPath = (name: string) => `/api/os/compute/os-keypairs/${name}`;

  it('creates and deletes a key pair with the CSRF token', async () => {
    const name = `zenith-int-${Date.now()}`;
    const created = await browser.send('/api/os/compute/os-keypairs', { method: 'POST', json: { keypair: { name } } });
    expect(created.status, created.body).toBe(200);
    expectNoToken(created);
    const keypair = json<{ keypair: { name: string; public_key: string } }>(created).keypair;
    expect(keypair.name).toBe(name);
    expect(keypair.public_key).toMatch(/^ssh-/);
    expect((await browser.send(keyPath(name))).status).toBe(200);

    const deleted = await browser.send(keyPath(name), { method: 'DELETE' });
    expect(deleted.status).toBe(202);
    expect((await browser.send(keyPath(name))).status).toBe(404);
  });

  it('refuses writes without the CSRF token or with a wrong one, before they reach the cloud', async () => {
    const name = `zenith-csrf-${Date.now()}`;
    for (const headers of [{}, { 'x-csrf-token': 'wrong' }]) {
      const response = await browser.send('/api/os/compute/os-keypairs', {
        method: 'POST',
        json: { keypair: { name } },
        headers,
        csrf: false,
      });
      expect(response.status).toBe(403);
      expect(json<ErrorBody>(response).error.code).toBe('csrf');
    }
    expect((await browser.send(keyPath(name))).status).toBe(404);
  });
});

describe('refusals', () => {
  it.each([
    '/api/os/compute/../identity/v3/users',
    '/api/os/compute/%2e%2e/%2e%2e/v3/auth/tokens',
    '/api/os/compute/servers%2f..%2f..%2fsecret',
    '/api/os/compute/%252e%252e/secret',
    '/api/os/compute/servers\\..\\secret',
    '/api/os/compute//127.0.0.1:5000/v3',
    '/api/os/image/http://127.0.0.1:5000/v3',
  ])('refuses %s with 400', async (path) => {
    const response = await browser.send(path);
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response).error).toMatchObject({ status: 400, code: 'unsafe_path' });
  });

  it('answers 404 for a service the catalog does not have', async () => {
    for (const path of ['/api/os/dns/v2/zones', '/api/os/not-a-service/x', '/api/os/object-store/']) {
      const response = await browser.send(path);
      expect(response.status, path).toBe(404);
      expect(json<ErrorBody>(response).error.code).toBe('unknown_service');
    }
  });

  it('answers 401 no_session without a session', async () => {
    const anonymous = new TestBrowser(zenith.baseUrl);
    const response = await anonymous.send('/api/os/compute/servers');
    expect(response.status).toBe(401);
    expect(json<ErrorBody>(response).error.code).toBe('no_session');
  });

  it('ends the session when the cloud rejects the token (401), with the upstream message', async () => {
    const victim = await signIn();
    // Revoked out of band, and never used against Nova before, so Nova's token cache cannot hide it.
    await revokeInKeystone(tokenInStore(zenith.config.server.sessionDb, victim.cookie));
    const response = await victim.send('/api/os/compute/servers');
    expect(response.status).toBe(401);
    const { error } = json<ErrorBody>(response);
    expect(error).toMatchObject({ status: 401, code: 'session_ended' });
    expect(error.message.length).toBeGreaterThan(0);
    expect(json<ErrorBody>(await victim.send('/api/auth/session')).error.code).toBe('no_session');
  });
});

describe('a token revoked behind Zenith\'s back', () => {
  it('by the cloud\'s admin: the next call answers 401 session_ended in Keystone\'s words, and the session is gone', async () => {
    const victim = await signIn();
    const token = tokenInStore(zenith.config.server.sessionDb, victim.cookie);
    const cookie = victim.cookie;
    await revokeInKeystone(token, (await cloudLogin('zenith-admin')).token);

    // Neutron, which this session never called: no service-side token cache can hide the revocation.
    const response = await victim.send('/api/os/network/v2.0/networks');
    expect(response.status).toBe(401);
    expect(json<ErrorBody>(response).error).toMatchObject({ status: 401, code: 'session_ended', message: expect.stringMatching(/authenticat/i) as string });
    expect(response.headers['set-cookie']?.join()).toMatch(/zenith\.sid=;/);
    expectNoToken(response);
    expect(() => tokenInStore(zenith.config.server.sessionDb, cookie)).toThrow(/no session/);
    const replay = new TestBrowser(zenith.baseUrl);
    replay.cookie = cookie;
    expect(json<ErrorBody>(await replay.send('/api/auth/session')).error.code).toBe('no_session');
  });
});

describe('a token revoked after a service accepted it', () => {
  it('ends the session within the recheck interval, though Nova\'s token cache still accepts the token', async () => {
    const config = integrationConfig();
    config.server.tokenRecheckMs = 1000;
    const own = await startZenith(config);
    try {
      const victim = new TestBrowser(own.baseUrl);
      const { username, password } = credentials('zenith-demo');
      victim.csrfToken = json<SessionView>(await victim.send('/api/auth/login', { method: 'POST', json: { username, password } })).csrfToken;
      expect((await victim.send('/api/os/compute/flavors')).status).toBe(200);
      await revokeInKeystone(tokenInStore(config.server.sessionDb, victim.cookie), (await cloudLogin('zenith-admin')).token);
      // Nova keeps an accepted token for keystonemiddleware's token_cache_time (300 s): without the BFF's own
      // question to Keystone, this session would go on for minutes.
      expect((await victim.send('/api/os/compute/flavors')).status).toBe(200);
      await vi.waitFor(
        async () => {
          const response = await victim.send('/api/os/compute/flavors');
          expect(json<ErrorBody>(response).error).toMatchObject({ status: 401, code: 'session_ended', message: expect.stringContaining('revoked') as string });
        },
        { timeout: 10_000, interval: 500 },
      );
      expect(json<ErrorBody>(await victim.send('/api/auth/session')).error.code).toBe('no_session');
    } finally {
      await own.close();
    }
  });
});

describe('version discovery', () => {
  it('reports Nova\'s microversion range', async () => {
    const response = await browser.send('/api/versions/compute');
    expect(response.status).toBe(200);
    const version = json<ServiceVersions>(response);
    expect(version).toMatchObject({ serviceType: 'compute', version: 'v2.1', minMicroversion: '2.1' });
    expect(version.maxMicroversion).toMatch(/^2\.(9\d|1\d\d)$/);
  });

  it('reports Cinder\'s range under volumev3 and block-storage', async () => {
    for (const type of ['volumev3', 'block-storage']) {
      const version = json<ServiceVersions>(await browser.send(`/api/versions/${type}`));
      expect(version).toMatchObject({ serviceType: type, version: 'v3.0', minMicroversion: '3.0' });
      expect(version.maxMicroversion).toMatch(/^3\.\d+$/);
    }
  });

  it('reports versions without microversions for Glance, Neutron and Heat', async () => {
    expect(json<ServiceVersions>(await browser.send('/api/versions/image')).version).toMatch(/^v2\.\d+$/);
    expect(json<ServiceVersions>(await browser.send('/api/versions/network'))).toMatchObject({ version: 'v2.0' });
    expect(json<ServiceVersions>(await browser.send('/api/versions/orchestration'))).toMatchObject({ version: 'v1.0' });
  });

  it('reports Placement\'s max_version', async () => {
    const version = json<ServiceVersions>(await browser.send('/api/versions/placement'));
    expect(version.maxMicroversion).toMatch(/^1\.\d+$/);
  });

  it('answers 404 for an unknown service', async () => {
    const response = await browser.send('/api/versions/dns');
    expect(response.status).toBe(404);
    expect(json<ErrorBody>(response).error.code).toBe('unknown_service');
  });
});

describe('connections to the cloud', () => {
  interface ProxiedLine {
    msg: string;
    req?: { id?: string };
    upstream?: { reusedConnection: boolean };
  }
  const proxiedLine = (id: unknown) =>
    logs.lines.map((line) => JSON.parse(line) as ProxiedLine).find((line) => line.msg === 'proxied' && line.req?.id === id);

  // Keystone and Placement run under uwsgi's http-socket here, which closes every connection (e2e/cloud/daemons.sh).
  it.each([
    ['compute', '/flavors'],
    ['image', '/v2/images?limit=1'],
    ['network', '/v2.0/networks?limit=1'],
    ['volumev3', '/volumes?limit=1'],
    ['orchestration', '/stacks?limit=1'],
  ])('sends a second request to %s on the connection the first one left open', async (type, path) => {
    const first = await browser.send(`/api/os/${type}${path}`);
    const second = await browser.send(`/api/os/${type}${path}`);
    expect([first.status, second.status]).toEqual([200, 200]);
    await vi.waitFor(() => expect(proxiedLine(second.headers[zenithRequestIdHeader])?.upstream?.reusedConnection).toBe(true));
  });
});

describe('logs', () => {
  it('never contain a token', () => {
    expect(logs.text).toContain('/api/os/compute/servers');
    expect(logs.text).not.toContain('gAAAAA');
  });
});
