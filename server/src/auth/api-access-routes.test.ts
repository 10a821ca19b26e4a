// A loopback server stands in for Keystone only to observe what the BFF sends it and how it relays the answers;
// what the real Keystone answers is covered by the e2e test of the API access page.
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogResponse, Ec2CredentialsResponse } from '../contract/catalog.js';
import type { ErrorBody } from '../contract/error-body.js';
import { globalRequestIdPattern } from '../contract/request-id.js';
import type { KeystoneCatalogEntry } from '../openstack/keystone-types.js';
import {
  json,
  listen,
  removeTemporaryDirectories,
  sampleAuth,
  sampleCatalog,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningServer,
  type RunningZenith,
} from '../testing/harness.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

const secrets = ['5c7b5e1f4d0f4b3a9b1f0e2d3c4b5a69', '0123456789abcdef0123456789abcdef'];
const keystoneList = {
  credentials: [
    { user_id: 'u1', tenant_id: 'p1', access: 'a1', secret: secrets[0], trust_id: null, links: { self: 'http://k/v3/users/u1/credentials/OS-EC2/a1' } },
    { user_id: 'u1', tenant_id: 'p2', access: 'a2', secret: secrets[1], trust_id: null, links: { self: 'http://k/v3/users/u1/credentials/OS-EC2/a2' } },
  ],
  links: { self: 'http://k/v3/users/u1/credentials/OS-EC2', previous: null, next: null },
};

let keystone: RunningServer;
let keystoneAnswer: { status: number; body: unknown } = { status: 200, body: keystoneList };
const seen: Seen[] = [];
let running: RunningZenith | undefined;

beforeAll(async () => {
  keystone = await listen((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.writeHead(keystoneAnswer.status, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-keystone-1' });
    res.end(JSON.stringify(keystoneAnswer.body));
  });
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  seen.length = 0;
  keystoneAnswer = { status: 200, body: keystoneList };
});
afterAll(async () => {
  await keystone.close();
  removeTemporaryDirectories();
});

async function signedIn(auth = sampleAuth()) {
  running = await startZenith(testConfig({ authUrl: `${keystone.baseUrl}/v3/` }));
  const browser = new TestBrowser(running.baseUrl);
  browser.cookie = await seedSession(running.sessions, auth, 'csrf-value');
  browser.csrfToken = 'csrf-value';
  return { browser, auth };
}

describe('GET /api/auth/catalog', () => {
  it('answers 401 without a session', async () => {
    running = await startZenith(testConfig());
    const response = await new TestBrowser(running.baseUrl).send('/api/auth/catalog');
    expect(response.status).toBe(401);
    expect(json<ErrorBody>(response).error.code).toBe('no_session');
  });

  it('lists every service with every endpoint of every region and interface, and never the token', async () => {
    const { browser, auth } = await signedIn();
    const response = await browser.send('/api/auth/catalog');
    expect(response.status).toBe(200);
    const catalog = json<CatalogResponse>(response);
    expect(catalog.entries.map((entry) => [entry.type, entry.name])).toEqual([
      ['compute', 'nova'],
      ['volumev3', 'cinderv3'],
      ['image', 'glance'],
    ]);
    const compute = catalog.entries[0]!;
    expect(compute.endpoints).toHaveLength(4);
    expect(compute.endpoints).toContainEqual({
      id: 'RegionTwo-internal-http://compute.example:8774/v2.1',
      region: 'RegionTwo',
      interface: 'internal',
      url: 'http://compute.internal:8774/v2.1',
    });
    // Trailing slashes go, as in the session's services.
    expect(catalog.entries[2]!.endpoints.map((endpoint) => endpoint.url)).toContain('http://image.example:9292');
    expect(catalog).toMatchObject({ region: 'RegionOne', interface: 'public' });
    // No identity service in this catalog: the BFF's own Keystone URL.
    expect(catalog.authUrl).toBe(`${keystone.baseUrl}/v3`);
    expect(response.body).not.toContain(auth.token);
    expect(seen).toEqual([]);
  });

  it("gives the catalog's identity endpoint of the session's region and interface as the auth URL", async () => {
    const identity: KeystoneCatalogEntry = {
      id: 'k',
      type: 'identity',
      name: 'keystone',
      endpoints: [
        { id: '1', interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: 'https://keystone.one.example/v3/' },
        { id: '2', interface: 'public', region: 'RegionTwo', region_id: 'RegionTwo', url: 'https://keystone.two.example/v3' },
        { id: '3', interface: 'internal', region: 'RegionTwo', region_id: 'RegionTwo', url: 'http://keystone.internal/v3' },
      ],
    };
    const { browser } = await signedIn(sampleAuth({ catalog: [...sampleCatalog(), identity], region: 'RegionTwo' }));
    const catalog = json<CatalogResponse>(await browser.send('/api/auth/catalog'));
    expect(catalog.authUrl).toBe('https://keystone.two.example/v3');
    expect(catalog.region).toBe('RegionTwo');
    expect(catalog.entries.find((entry) => entry.type === 'identity')?.endpoints).toHaveLength(3);
  });

  it('names a service by its type when Keystone gives it no name, and keeps an endpoint without region', async () => {
    const unnamed: KeystoneCatalogEntry = {
      id: 'x',
      type: 'object-store',
      endpoints: [{ id: 's', interface: 'public', region: null, region_id: null, url: 'http://swift.example/v1/AUTH_p' }],
    };
    const { browser } = await signedIn(sampleAuth({ catalog: [unnamed] }));
    const catalog = json<CatalogResponse>(await browser.send('/api/auth/catalog'));
    expect(catalog.entries).toEqual([
      { type: 'object-store', name: 'object-store', endpoints: [{ id: 's', region: null, interface: 'public', url: 'http://swift.example/v1/AUTH_p' }] },
    ]);
  });
});

describe('GET /api/auth/ec2-credentials', () => {
  it("lists the user's EC2 credentials from Keystone without their secrets", async () => {
    const { browser, auth } = await signedIn();
    const response = await browser.send('/api/auth/ec2-credentials');
    expect(response.status).toBe(200);
    expect(json<Ec2CredentialsResponse>(response)).toEqual({
      credentials: [
        { access: 'a1', tenant_id: 'p1', user_id: 'u1', trust_id: null },
        { access: 'a2', tenant_id: 'p2', user_id: 'u1', trust_id: null },
      ],
    });
    for (const secret of secrets) expect(response.body).not.toContain(secret);
    expect(response.body).not.toContain('secret');

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: `/v3/users/${auth.user.id}/credentials/OS-EC2` });
    expect(seen[0]!.headers['x-auth-token']).toBe(auth.token);
    expect(seen[0]!.headers['x-openstack-request-id']).toMatch(globalRequestIdPattern);
    expect(response.headers['x-zenith-request-id']).toBe(seen[0]!.headers['x-openstack-request-id']);
  });

  it("relays Keystone's refusal with its message and request id", async () => {
    keystoneAnswer = { status: 403, body: { error: { code: 403, title: 'Forbidden', message: 'You are not authorized to perform the requested action: identity:ec2_list_credentials.' } } };
    const { browser } = await signedIn();
    const response = await browser.send('/api/auth/ec2-credentials');
    expect(response.status).toBe(403);
    expect(json<ErrorBody>(response).error).toMatchObject({
      status: 403,
      message: 'You are not authorized to perform the requested action: identity:ec2_list_credentials.',
      requestId: 'req-keystone-1',
    });
  });

  it('ends the session when Keystone no longer accepts its token', async () => {
    keystoneAnswer = { status: 401, body: { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } } };
    const { browser } = await signedIn();
    const response = await browser.send('/api/auth/ec2-credentials');
    expect(response.status).toBe(401);
    expect(json<ErrorBody>(response).error.code).toBe('session_ended');
    expect((await browser.send('/api/auth/session')).status).toBe(401);
  });

  it('answers 502 to a list it cannot read, without relaying it', async () => {
    keystoneAnswer = { status: 200, body: { credentials: [{ access: 'a1', secret: secrets[0] }] } };
    const { browser } = await signedIn();
    const response = await browser.send('/api/auth/ec2-credentials');
    expect(response.status).toBe(502);
    expect(response.body).not.toContain(secrets[0]);
  });

  it('answers 401 without a session and never calls Keystone', async () => {
    running = await startZenith(testConfig({ authUrl: `${keystone.baseUrl}/v3` }));
    const response = await new TestBrowser(running.baseUrl).send('/api/auth/ec2-credentials');
    expect(response.status).toBe(401);
    expect(seen).toEqual([]);
  });
});
