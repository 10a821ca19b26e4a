// Reads across projects and regions through the real app, with a stand-in Keystone (projects, rescopes,
// revocations) and a stand-in compute service whose endpoint differs per region.
import type { IncomingMessage, ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../contract/error-body.js';
import { EverywhereLine } from '../contract/everywhere.js';
import type { KeystoneCatalogEntry } from '../openstack/keystone-types.js';
import type { AuthState } from '../session/session.js';
import {
  json,
  listen,
  removeTemporaryDirectories,
  sampleAuth,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningServer,
  type TestResponse,
} from '../testing/harness.js';
import { openSqliteSessionBackend, type SessionBackend } from '../session/store.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  removeTemporaryDirectories();
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<RunningServer> {
  const server = await listen(handler);
  closers.push(() => server.close());
  return server;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const sessionToken = 'session-token-of-p0';

interface CloudOptions {
  projects: number;
  /** Projects whose rescope Keystone refuses (the role was removed). */
  noRole?: Set<string>;
  /** Regions whose compute never answers. */
  silentRegions?: Set<string>;
  /** Projects compute refuses with 403. */
  forbidden?: Set<string>;
  callTimeoutMs?: number;
}

/** Keystone, compute and a Zenith with a signed-in session of project p0 in a two-region catalog. */
async function start(options: CloudOptions, session: Partial<AuthState> = {}) {
  const projects = Array.from({ length: options.projects }, (_, index) => ({ id: `p${index}`, name: `project-${index}`, domain_id: 'default', enabled: true }));
  const tokenProjects = new Map([[sessionToken, 'p0']]);
  const cloud = {
    listed: projects,
    /** Which project each token the services accept is for: delete one to have them refuse it. */
    tokenProjects,
    rescopes: [] as string[],
    issued: [] as string[],
    revoked: [] as string[],
    computeCalls: [] as { url: string; token: string; microversion: string | undefined; requestId: string | undefined }[],
    inFlight: 0,
    maxInFlight: 0,
  };

  const compute = await serve((req, res) => {
    const token = String(req.headers['x-auth-token']);
    const [, region = ''] = (req.url ?? '').split('/');
    cloud.computeCalls.push({
      url: req.url ?? '',
      token,
      microversion: req.headers['openstack-api-version'] as string | undefined,
      requestId: req.headers['x-openstack-request-id'] as string | undefined,
    });
    if (options.silentRegions?.has(region)) return;
    const project = tokenProjects.get(token);
    cloud.inFlight++;
    cloud.maxInFlight = Math.max(cloud.maxInFlight, cloud.inFlight);
    setTimeout(() => {
      cloud.inFlight--;
      const headers = { 'content-type': 'application/json', 'x-openstack-request-id': `req-${project}-${region}` };
      if (!project) return res.writeHead(401, headers).end('{"error":{"message":"The request you have made requires authentication."}}');
      if (options.forbidden?.has(project)) return res.writeHead(403, headers).end('{"forbidden":{"code":403,"message":"Policy does not allow it"}}');
      res.writeHead(200, headers).end(JSON.stringify({ servers: [{ id: `vm-${project}-${region}`, name: `web-${project}` }] }));
    }, 5);
  });

  const catalog: KeystoneCatalogEntry[] = [
    {
      id: 'c',
      type: 'compute',
      name: 'nova',
      endpoints: ['RegionOne', 'RegionTwo'].map((region) => ({
        id: `c-${region}`,
        interface: 'public' as const,
        region,
        region_id: region,
        url: `${compute.baseUrl}/${region}/v2.1`,
      })),
    },
  ];

  const keystone = await serve((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method === 'GET' && req.url === '/v3/auth/projects') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ projects: cloud.listed }));
        return;
      }
      if (req.method === 'DELETE' && req.url === '/v3/auth/tokens') {
        cloud.revoked.push(String(req.headers['x-subject-token']));
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'POST' && req.url === '/v3/auth/tokens') {
        const request = JSON.parse(body) as { auth: { scope: { project: { id: string } } } };
        const projectId = request.auth.scope.project.id;
        cloud.rescopes.push(projectId);
        if (options.noRole?.has(projectId)) {
          res.writeHead(401, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-keystone-401' });
          res.end('{"error":{"code":401,"message":"The request you have made requires authentication."}}');
          return;
        }
        const id = `project-token-${projectId}-${cloud.rescopes.length}`;
        tokenProjects.set(id, projectId);
        cloud.issued.push(id);
        const project = { id: projectId, name: `project-${projectId.slice(1)}`, domain: { id: 'default', name: 'Default' } };
        const token = {
          methods: ['password', 'token'],
          user: { id: 'u1', name: 'demo', domain: { id: 'default', name: 'Default' } },
          audit_ids: ['a'],
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          project,
          roles: [{ id: 'r', name: 'member' }],
          catalog,
        };
        res.writeHead(201, { 'content-type': 'application/json', 'x-subject-token': id }).end(JSON.stringify({ token }));
        return;
      }
      res.writeHead(404).end();
    })();
  });

  const config = testConfig({ authUrl: `${keystone.baseUrl}/v3` });
  config.server.upstreamTimeoutMs = options.callTimeoutMs ?? 60_000;
  const opened = openSqliteSessionBackend(config.server.sessionDb);
  // Counts the reads of the project tokens: only the routes that use them may load them.
  const tokenReads = { count: 0 };
  const sessions: SessionBackend = {
    ...opened,
    projectTokens: { ...opened.projectTokens, get: (sid) => (tokenReads.count++, opened.projectTokens.get(sid)) },
  };
  const zenith = await startZenith(config, undefined, sessions);
  closers.push(() => zenith.close());
  const auth = sampleAuth({ token: sessionToken, project: { id: 'p0', name: 'project-0', domain: { id: 'default', name: 'Default' } }, catalog, ...session });
  const browser = new TestBrowser(zenith.baseUrl);
  browser.cookie = await seedSession(sessions, auth, 'csrf-1');
  browser.csrfToken = 'csrf-1';
  /** The project tokens beside the session, and whether the session's own row holds any, from the SQLite file. */
  const stored = () => {
    const database = new Database(config.server.sessionDb, { readonly: true });
    try {
      const rows = database.prepare('SELECT token FROM project_tokens').all() as { token: string }[];
      const sessionRows = database.prepare('SELECT sess FROM sessions').all() as { sess: string }[];
      return { projectTokens: rows.map((row) => row.token).sort(), sessionRowsHoldTokens: sessionRows.some((row) => row.sess.includes('project-token-')) };
    } finally {
      database.close();
    }
  };
  return { browser, cloud, tokenReads, stored };
}

function lines(response: TestResponse): EverywhereLine[] {
  expect(response.status, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
  return response.body
    .trimEnd()
    .split('\n')
    .map((line) => EverywhereLine.parse(JSON.parse(line)));
}

const results = (all: EverywhereLine[]) => all.flatMap((line) => (line.kind === 'result' ? [line] : []));
const where = (line: { project: { id: string }; region: string }) => `${line.project.id}/${line.region}`;

describe('GET /api/everywhere/compute/servers/detail', () => {
  it('streams a start line, one line per project × region with its items, and an end line', async () => {
    const { browser, cloud } = await start({ projects: 3 });
    const response = await browser.send('/api/everywhere/compute/servers/detail?name=web', { headers: { 'openstack-api-version': 'compute 2.79' } });
    const all = lines(response);

    expect(all[0]).toEqual({
      kind: 'start',
      projects: [0, 1, 2].map((index) => ({ id: `p${index}`, name: `project-${index}` })),
      regions: ['RegionOne', 'RegionTwo'],
      omittedProjects: 0,
    });
    expect(all.at(-1)).toMatchObject({ kind: 'end', results: 6 });
    const answered = results(all);
    expect(answered.map(where).sort()).toEqual(['p0/RegionOne', 'p0/RegionTwo', 'p1/RegionOne', 'p1/RegionTwo', 'p2/RegionOne', 'p2/RegionTwo']);
    for (const line of answered) {
      expect(line).toMatchObject({ ok: true, status: 200, truncated: false, requestId: `req-${line.project.id}-${line.region}` });
      if (line.ok) expect(line.items).toEqual([{ id: `vm-${line.project.id}-${line.region}`, name: `web-${line.project.id}` }]);
    }
    // The session's own project needs no rescope; the filter and the microversion reach the service; so does the request id.
    expect(cloud.rescopes.sort()).toEqual(['p1', 'p2']);
    expect(cloud.computeCalls.every((call) => call.url.endsWith('/v2.1/servers/detail?name=web'))).toBe(true);
    expect(cloud.computeCalls.every((call) => call.microversion === 'compute 2.79')).toBe(true);
    expect(new Set(cloud.computeCalls.map((call) => call.requestId))).toEqual(new Set([response.headers['x-zenith-request-id']]));
    expect(response.body).not.toMatch(/token/i);
  });

  it('reuses the project tokens it got, beside the session and not in it, and revokes and deletes them at logout', async () => {
    const { browser, cloud, stored } = await start({ projects: 3 });
    lines(await browser.send('/api/everywhere/compute/servers/detail'));
    lines(await browser.send('/api/everywhere/compute/servers/detail'));
    expect(cloud.rescopes).toHaveLength(2);
    expect(stored()).toEqual({ projectTokens: [...cloud.issued].sort(), sessionRowsHoldTokens: false });

    expect((await browser.send('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(cloud.revoked.sort()).toEqual([sessionToken, ...cloud.issued].sort());
    expect(stored().projectTokens).toEqual([]);
  });

  it('loads the project tokens only for a read across projects and a call in another project, not for a plain call', async () => {
    const { browser, tokenReads } = await start({ projects: 2 });
    lines(await browser.send('/api/everywhere/compute/servers/detail'));
    expect(tokenReads.count).toBe(1);

    expect((await browser.send('/api/os/compute/servers/detail')).status).toBe(200);
    expect((await browser.send('/api/auth/session')).status).toBe(200);
    // The session's own project in another region uses the session's token.
    expect((await browser.send('/api/os/compute/servers/detail', { headers: { 'x-zenith-target-scope': 'p0/RegionTwo' } })).status).toBe(200);
    expect(tokenReads.count).toBe(1);

    expect((await browser.send('/api/os/compute/servers/detail', { headers: { 'x-zenith-target-scope': 'p1/RegionOne' } })).status).toBe(200);
    expect(tokenReads.count).toBe(2);
  });

  it('loses no token when two reads and a call in another project keep theirs at once, and keeps them across a project switch', async () => {
    const { browser, cloud, stored } = await start({ projects: 4 });
    const [first, second] = await Promise.all([
      browser.send('/api/everywhere/compute/servers/detail'),
      browser.send('/api/everywhere/compute/servers/detail'),
      browser.send('/api/os/compute/servers/detail', { headers: { 'x-zenith-target-scope': 'p3/RegionOne' } }),
    ]);
    lines(first);
    lines(second);
    // Every token Keystone issued is held (two of one project when both rescoped it), none was lost to the other's save.
    expect(stored().projectTokens).toEqual([...cloud.issued].sort());

    const rescopes = cloud.rescopes.length;
    expect((await browser.send('/api/auth/scope', { method: 'POST', json: { projectId: 'p1' } })).status).toBe(200);
    lines(await browser.send('/api/everywhere/compute/servers/detail'));
    // Keystone was asked for the switch (p1) and for p0, now another project; the read reused the tokens held for p2, p3.
    expect(cloud.rescopes.slice(rescopes).sort()).toEqual(['p0', 'p1']);

    expect((await browser.send('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(cloud.issued.every((token) => cloud.revoked.includes(token))).toBe(true);
    expect(stored().projectTokens).toEqual([]);
  });

  it('names a project the user has no role in any more, and answers for the others', async () => {
    const { browser } = await start({ projects: 3, noRole: new Set(['p1']) });
    const answered = results(lines(await browser.send('/api/everywhere/compute/servers/detail')));
    const refused = answered.filter((line) => !line.ok);
    expect(refused.map(where).sort()).toEqual(['p1/RegionOne', 'p1/RegionTwo']);
    expect(refused[0]).toMatchObject({
      status: 403,
      project: { id: 'p1', name: 'project-1' },
      error: { status: 403, code: 'no_role', requestId: 'req-keystone-401', message: expect.stringContaining('project-1') },
    });
    expect(answered.filter((line) => line.ok)).toHaveLength(4);
  });

  it('drops a project Keystone stops listing, with a line saying so, and revokes its token', async () => {
    const { browser, cloud } = await start({ projects: 2 });
    lines(await browser.send('/api/everywhere/compute/servers/detail'));
    const heldToken = 'project-token-p1-1';
    cloud.listed = cloud.listed.filter((project) => project.id !== 'p1');

    const all = lines(await browser.send('/api/everywhere/compute/servers/detail'));
    expect(all[0]).toMatchObject({ projects: [{ id: 'p0' }, { id: 'p1', name: 'project-1' }] });
    const gone = results(all).filter((line) => line.project.id === 'p1');
    expect(gone).toHaveLength(2);
    expect(gone[0]).toMatchObject({ ok: false, status: 403, error: { code: 'no_role', message: expect.stringContaining('no longer lists project project-1') } });
    expect(cloud.revoked).toEqual([heldToken]);

    // Once dropped, it is gone from the next read altogether.
    expect(lines(await browser.send('/api/everywhere/compute/servers/detail'))[0]).toMatchObject({ projects: [{ id: 'p0' }] });
  });

  it('names a service refusal and a region past its deadline; the rest still come', async () => {
    const { browser } = await start({ projects: 2, forbidden: new Set(['p1']), silentRegions: new Set(['RegionTwo']), callTimeoutMs: 300 });
    const answered = results(lines(await browser.send('/api/everywhere/compute/servers/detail')));
    const byPlace = new Map(answered.map((line) => [where(line), line]));
    expect(byPlace.get('p0/RegionOne')).toMatchObject({ ok: true });
    expect(byPlace.get('p1/RegionOne')).toMatchObject({
      ok: false,
      status: 403,
      error: { status: 403, message: 'Policy does not allow it', requestId: 'req-p1-RegionOne' },
    });
    for (const place of ['p0/RegionTwo', 'p1/RegionTwo']) {
      expect(byPlace.get(place)).toMatchObject({ ok: false, status: 504, error: { code: 'upstream_timeout' } });
    }
  });

  it('asks for a new token once when a service refuses the one the session held, and revokes the refused one', async () => {
    const { browser, cloud } = await start({ projects: 2 });
    lines(await browser.send('/api/everywhere/compute/servers/detail'));
    const [refused] = cloud.issued;
    cloud.tokenProjects.delete(refused ?? '');

    const answered = results(lines(await browser.send('/api/everywhere/compute/servers/detail')));
    expect(answered.every((line) => line.ok)).toBe(true);
    expect(cloud.rescopes).toEqual(['p1', 'p1']);
    expect(cloud.revoked).toEqual([refused]);
    // The new one is kept: the next read asks Keystone nothing.
    lines(await browser.send('/api/everywhere/compute/servers/detail'));
    expect(cloud.rescopes).toHaveLength(2);
  });

  it("reads only an application credential session's own project (Keystone rescopes none of its tokens)", async () => {
    const { browser, cloud } = await start({ projects: 3 }, { signIn: { methods: ['application_credential'], applicationCredential: { id: 'ac', name: 'ci' } } });
    const all = lines(await browser.send('/api/everywhere/compute/servers/detail'));
    expect(all[0]).toMatchObject({ projects: [{ id: 'p0', name: 'project-0' }] });
    expect(results(all).map(where).sort()).toEqual(['p0/RegionOne', 'p0/RegionTwo']);
    expect(cloud.rescopes).toEqual([]);
  });

  it('keeps at most 8 calls in flight', async () => {
    const { browser, cloud } = await start({ projects: 12 });
    const answered = results(lines(await browser.send('/api/everywhere/compute/servers/detail')));
    expect(answered).toHaveLength(24);
    expect(answered.every((line) => line.ok)).toBe(true);
    expect(cloud.maxInFlight).toBeLessThanOrEqual(8);
    expect(cloud.maxInFlight).toBeGreaterThan(1);
  });

  it('refuses anything but the listed reads, before calling anyone', async () => {
    const { browser, cloud } = await start({ projects: 2 });
    const refusals: [string, string, number][] = [
      ['GET', '/api/everywhere/compute/servers', 404],
      ['GET', '/api/everywhere/compute/servers/detail/../../os-hypervisors', 404],
      ['GET', '/api/everywhere/identity/v3/users', 404],
      ['GET', '/api/everywhere/compute/servers/detail?all_tenants=1', 400],
      ['GET', `/api/everywhere/compute/servers/detail?name=${'x'.repeat(300)}`, 400],
      ['POST', '/api/everywhere/compute/servers/detail', 405],
      ['DELETE', '/api/everywhere/network/v2.0/floatingips', 405],
    ];
    for (const [method, path, status] of refusals) {
      const response = await browser.send(path, { method });
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(json<ErrorBody>(response).error.status).toBe(status);
    }
    expect(cloud.computeCalls).toHaveLength(0);
    expect(cloud.rescopes).toHaveLength(0);

    const anonymous = await new TestBrowser(browser.baseUrl).send('/api/everywhere/compute/servers/detail');
    expect(json<ErrorBody>(anonymous).error).toMatchObject({ status: 401, code: 'no_session' });
  });
});

describe("the proxy in a row's own scope (X-Zenith-Target-Scope)", () => {
  const action = (browser: TestBrowser, scope: string, headers: Record<string, string> = {}) =>
    browser.send('/api/os/compute/servers/vm-p1/action', {
      method: 'POST',
      body: JSON.stringify({ 'os-stop': null }),
      headers: { 'content-type': 'application/json', 'x-zenith-target-scope': scope, ...headers },
    });

  it("acts with the project's token in the named region, rescoped once from the session's, revoked at logout", async () => {
    const { browser, cloud } = await start({ projects: 3 });
    expect((await action(browser, 'p1/RegionTwo')).status).toBe(200);
    expect((await action(browser, 'p1/RegionTwo')).status).toBe(200);
    expect(cloud.rescopes).toEqual(['p1']);
    const [issued] = cloud.issued;
    expect(cloud.computeCalls.map((call) => [call.url, call.token])).toEqual([
      ['/RegionTwo/v2.1/servers/vm-p1/action', issued],
      ['/RegionTwo/v2.1/servers/vm-p1/action', issued],
    ]);
    // The fan-out reuses the token the action got, and logout revokes it with the session's.
    lines(await browser.send('/api/everywhere/compute/servers/detail'));
    expect(cloud.rescopes).toEqual(['p1', 'p2']);
    expect((await browser.send('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(cloud.revoked.sort()).toEqual([sessionToken, ...cloud.issued].sort());
  });

  it("uses the session's own token for its own project in another region, and encoded region names", async () => {
    const { browser, cloud } = await start({ projects: 2 });
    const response = await browser.send('/api/os/compute/servers/detail', { headers: { 'x-zenith-target-scope': `p0/${encodeURIComponent('RegionTwo')}` } });
    expect(response.status).toBe(200);
    expect(cloud.computeCalls).toMatchObject([{ url: '/RegionTwo/v2.1/servers/detail', token: sessionToken }]);
    expect(cloud.rescopes).toEqual([]);
  });

  it('refuses a malformed scope, a region outside the catalog, both scope headers, and a write without the CSRF token, before calling anyone', async () => {
    const { browser, cloud } = await start({ projects: 2 });
    const refusals: [Record<string, string>, number, string][] = [
      [{ 'x-zenith-target-scope': 'p1' }, 400, 'invalid_scope'],
      [{ 'x-zenith-target-scope': '../p1/RegionOne' }, 400, 'invalid_scope'],
      [{ 'x-zenith-target-scope': 'p1/%E0%A4%A' }, 400, 'invalid_scope'],
      [{ 'x-zenith-target-scope': 'p1/RegionNine' }, 400, 'invalid_scope'],
      [{ 'x-zenith-target-scope': 'p1/RegionOne', 'x-zenith-scope': 'p0/RegionOne' }, 400, 'invalid_scope'],
      [{ 'x-zenith-target-scope': 'p1/RegionOne', 'x-csrf-token': 'forged' }, 403, 'csrf'],
    ];
    for (const [headers, status, code] of refusals) {
      const response = await action(browser, headers['x-zenith-target-scope'] ?? '', headers);
      expect(response.status, JSON.stringify(headers)).toBe(status);
      expect(json<ErrorBody>(response).error).toMatchObject({ status, code });
    }
    expect(cloud.computeCalls).toHaveLength(0);
    expect(cloud.rescopes).toHaveLength(0);
  });

  it("refuses a project the user has no role in (Keystone's refusal, 403) and a service the project token does not reach", async () => {
    const { browser, cloud } = await start({ projects: 3, noRole: new Set(['p2']) });
    const refused = await action(browser, 'p2/RegionOne');
    expect(refused.status).toBe(403);
    expect(json<ErrorBody>(refused).error).toMatchObject({ code: 'no_role', requestId: 'req-keystone-401' });
    const image = await browser.send('/api/os/image/v2/images', { headers: { 'x-zenith-target-scope': 'p1/RegionOne' } });
    expect(image.status).toBe(404);
    expect(json<ErrorBody>(image).error).toMatchObject({ code: 'unknown_service', message: expect.stringContaining('compute') });
    expect(cloud.computeCalls).toHaveLength(0);
    // Neither ended the session.
    expect((await browser.send('/api/auth/session')).status).toBe(200);
  });

  it("answers a project token the service refuses with 403, drops and revokes it, and keeps the session", async () => {
    const { browser, cloud } = await start({ projects: 2 });
    expect((await action(browser, 'p1/RegionOne')).status).toBe(200);
    const [issued = ''] = cloud.issued;
    cloud.tokenProjects.delete(issued);

    const refused = await action(browser, 'p1/RegionOne');
    expect(refused.status).toBe(403);
    expect(json<ErrorBody>(refused).error).toMatchObject({ code: 'no_role', message: 'The request you have made requires authentication.' });
    expect(cloud.revoked).toEqual([issued]);
    expect((await browser.send('/api/auth/session')).status).toBe(200);
    // The next call asks Keystone for a new one.
    expect((await action(browser, 'p1/RegionOne')).status).toBe(200);
    expect(cloud.rescopes).toEqual(['p1', 'p1']);
  });
});
