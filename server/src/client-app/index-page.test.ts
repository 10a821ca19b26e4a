// index.html as the BFF serves it: the session view and version documents written in, the page's route code named
// for preloading, never cached, compressed per request; and no service asked while serving it.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { bootstrapElementId, type Bootstrap } from '../contract/bootstrap.js';
import { languageCookie } from '../contract/languages.js';
import type { KeystoneCatalogEntry } from '../openstack/keystone-types.js';
import {
  json,
  listen,
  removeTemporaryDirectories,
  request,
  sampleAuth,
  sampleProjectId,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningServer,
  type RunningZenith,
  type TestResponse,
} from '../testing/harness.js';

let running: RunningZenith | undefined;
let cloud: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  await cloud?.close();
  running = undefined;
  cloud = undefined;
});
afterAll(removeTemporaryDirectories);

const template =
  '<!doctype html><html><head><title>Zenith</title><script async type="module" crossorigin src="/assets/index-1.js"></script></head><body><div id="root"></div></body></html>';

const instancesCatalogs = { en: 'src/features/instances/locales/en.json', fr: 'src/features/instances/locales/fr.json' };

function writeBuild(dist: string, html = template) {
  mkdirSync(join(dist, '.vite'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), html);
  writeFileSync(
    join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react-1.js'] },
      '_react-1.js': { file: 'assets/react-1.js' },
      'src/features/auth/components/login-page.tsx': { file: 'assets/login-page-1.js', imports: ['_react-1.js'] },
      'src/app/shell/app-shell.tsx': { file: 'assets/app-shell-1.js', imports: ['_react-1.js'] },
      'src/features/instances/components/instances-page.tsx': { file: 'assets/instances-page-1.js', imports: ['_list-1.js'] },
      'src/features/instances/components/instance-detail-page.tsx': { file: 'assets/instance-detail-page-1.js' },
      '_list-1.js': { file: 'assets/list-1.js' },
      'src/locales/fr.json': { file: 'assets/fr-shell-1.js' },
      'src/features/instances/locales/en.json': { file: 'assets/en-instances-1.js' },
      'src/features/instances/locales/fr.json': { file: 'assets/fr-instances-1.js' },
    }),
  );
  writeFileSync(
    join(dist, '.vite', 'routes.json'),
    JSON.stringify({
      routes: [
        { path: '/login', modules: ['src/features/auth/components/login-page.tsx'] },
        { path: '/', modules: ['src/app/shell/app-shell.tsx'] },
        { path: '/instances', modules: ['src/app/shell/app-shell.tsx', 'src/features/instances/components/instances-page.tsx'], catalogs: instancesCatalogs },
        {
          path: '/instances/:id',
          modules: ['src/app/shell/app-shell.tsx', 'src/features/instances/components/instance-detail-page.tsx'],
          catalogs: instancesCatalogs,
        },
      ],
      shellCatalogs: { en: 'src/locales/en.json', fr: 'src/locales/fr.json' },
    }),
  );
}

/** The bytes as they cross the wire, not decoded. */
const get = (baseUrl: string, path: string, headers: OutgoingHttpHeaders = {}, method = 'GET') => request(baseUrl, path, { method, headers });

function decoded(response: TestResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.bytes).toString();
  if (encoding === 'gzip') return gunzipSync(response.bytes).toString();
  return response.body;
}

function bootstrapOf(html: string): Bootstrap {
  const match = new RegExp(`<script type="application/json" id="${bootstrapElementId}">(.*?)</script>`).exec(html);
  if (!match?.[1]) throw new Error(`no bootstrap block in ${html}`);
  return JSON.parse(match[1]) as Bootstrap;
}

const preloadsOf = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((match) => match[1]);

async function serve() {
  const config = testConfig();
  writeBuild(config.server.clientDist);
  running = await startZenith(config);
  return running;
}

describe('index.html without a session', () => {
  it('says so, names the login page\'s code, and is never stored', async () => {
    const { baseUrl } = await serve();
    const response = await get(baseUrl, '/instances', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(response.headers['content-length'])).toBe(response.bytes.length);
    const html = decoded(response);
    expect(bootstrapOf(html)).toEqual({ session: null, versions: [] });
    // The SPA sends a visitor without a session to its login page: that is the code to fetch.
    expect(preloadsOf(html)).toEqual(['/assets/login-page-1.js']);
    // The preloads before </head>, after the entry script the template already has; the bootstrap before that
    // script, which runs as soon as it arrives (async) and reads it.
    expect(html.indexOf('modulepreload')).toBeGreaterThan(html.indexOf('/assets/index-1.js'));
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
    expect(html.indexOf(bootstrapElementId)).toBeLessThan(html.indexOf('<script async type="module"'));
  });

  it('is gzip or identity as the browser asks, and HEAD has its headers only', async () => {
    const { baseUrl } = await serve();
    const gzip = await get(baseUrl, '/', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(bootstrapOf(decoded(gzip)).session).toBeNull();
    const identity = await get(baseUrl, '/');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toMatch(/Accept-Encoding/i);
    expect(bootstrapOf(identity.body).session).toBeNull();
    const head = await get(baseUrl, '/', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.bytes.length).toBe(0);
  });

  it('is read again after a new build, and 404s a missing file rather than answer a page', async () => {
    const { baseUrl, config } = await serve();
    expect(decoded(await get(baseUrl, '/'))).toContain('<title>Zenith</title>');
    const indexFile = join(config.server.clientDist, 'index.html');
    writeFileSync(indexFile, template.replace('<title>Zenith</title>', '<title>Zenith, rebuilt</title>'));
    utimesSync(indexFile, new Date(), new Date(Date.now() + 60_000));
    expect(decoded(await get(baseUrl, '/'))).toContain('<title>Zenith, rebuilt</title>');
    expect((await get(baseUrl, '/assets/missing-1.js')).status).toBe(404);
  });
});

describe('index.html with a session', () => {
  it('carries what GET /api/auth/session answers, and the route\'s code with the shell\'s', async () => {
    const { baseUrl, sessions } = await serve();
    const browser = new TestBrowser(baseUrl);
    browser.cookie = await seedSession(sessions, sampleAuth(), 'csrf-1');
    const page = await get(baseUrl, '/instances/8d8b2c4e', { cookie: browser.cookie });
    const html = decoded(page);
    const session = json<unknown>(await browser.send('/api/auth/session'));
    expect(bootstrapOf(html).session).toEqual(session);
    expect(html).not.toContain(sampleAuth().token);
    expect(preloadsOf(html)).toEqual(['/assets/en-instances-1.js', '/assets/app-shell-1.js', '/assets/instance-detail-page-1.js']);
    expect(preloadsOf(decoded(await get(baseUrl, '/instances', { cookie: browser.cookie })))).toEqual([
      '/assets/en-instances-1.js',
      '/assets/app-shell-1.js',
      '/assets/instances-page-1.js',
      '/assets/list-1.js',
    ]);
    // A page no route declares preloads nothing; the bootstrap is there all the same.
    const unknown = decoded(await get(baseUrl, '/nowhere', { cookie: browser.cookie }));
    expect(preloadsOf(unknown)).toEqual([]);
    expect(bootstrapOf(unknown).session).toEqual(session);
  });

  it('keeps a hostile project name inside its block', async () => {
    const { baseUrl, sessions } = await serve();
    const name = "</script><script>alert(1)</script><!--$&$'";
    const cookie = await seedSession(sessions, sampleAuth({ project: { id: sampleProjectId, name, domain: { id: 'default', name: 'Default' } } }), 'c');
    const html = decoded(await get(baseUrl, '/', { cookie }));
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('alert(1)</script>');
    expect(bootstrapOf(html).session?.project.name).toBe(name);
  });

  it('says "not signed in" for a session whose token has expired', async () => {
    const { baseUrl, sessions } = await serve();
    const cookie = await seedSession(sessions, sampleAuth({ expiresAt: new Date(Date.now() - 1000).toISOString() }), 'c');
    expect(bootstrapOf(decoded(await get(baseUrl, '/instances', { cookie }))).session).toBeNull();
  });
});

describe('the catalogs index.html names', () => {
  const catalogsOf = (html: string) => preloadsOf(html).filter((href) => /\/(en|fr)-/.test(href ?? ''));

  /** A signed-in browser's page, with the language cookie when given. */
  async function signedIn() {
    const { baseUrl, sessions } = await serve();
    const session = await seedSession(sessions, sampleAuth(), 'c');
    const page = async (path: string, headers: OutgoingHttpHeaders, language?: string) =>
      decoded(await get(baseUrl, path, { ...headers, cookie: language === undefined ? session : `${session}; ${languageCookie}=${language}` }));
    return { baseUrl, page };
  }

  it.each([
    ['the language the SPA last wrote to its cookie', 'fr', {}, ['/assets/fr-shell-1.js', '/assets/fr-instances-1.js']],
    ['it, over what the browser accepts', 'fr-FR', { 'accept-language': 'en-US,en;q=0.9' }, ['/assets/fr-shell-1.js', '/assets/fr-instances-1.js']],
    ["the browser's preferred one the SPA has, without the cookie", undefined, { 'accept-language': 'de-DE,fr;q=0.8,en;q=0.5' }, ['/assets/fr-shell-1.js', '/assets/fr-instances-1.js']],
    ["the browser's, when the cookie names no language the SPA has", 'de', { 'accept-language': 'fr-CH' }, ['/assets/fr-shell-1.js', '/assets/fr-instances-1.js']],
    ['English, when neither names one the SPA has', '"><script>', { 'accept-language': 'de, ja;q=0.5' }, ['/assets/en-instances-1.js']],
    ['English, when the browser says nothing', undefined, {}, ['/assets/en-instances-1.js']],
  ] as const)('are in %s', async (_, language, headers, expected) => {
    const { page } = await signedIn();
    expect(catalogsOf(await page('/instances', headers, language))).toEqual(expected);
  });

  it("are the shell's only on the overview and on the login page a browser without a session is sent to", async () => {
    const { baseUrl, page } = await signedIn();
    expect(catalogsOf(await page('/', {}, 'fr'))).toEqual(['/assets/fr-shell-1.js']);
    expect(catalogsOf(await page('/', {}, 'en'))).toEqual([]);
    const login = decoded(await get(baseUrl, '/instances', { cookie: `${languageCookie}=fr` }));
    expect(preloadsOf(login)).toEqual(['/assets/fr-shell-1.js', '/assets/login-page-1.js']);
  });
});

/** One loopback server as Keystone and as each service's version document (Nova's, Cinder's, Glance's). */
async function fakeCloud(seen: string[]) {
  const server = await listen((req, res) => {
    const path = req.url ?? '';
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method} ${path}`);
      const base = `http://${req.headers.host}`;
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'POST' && path === '/v3/auth/tokens') {
        const domain = { id: 'default', name: 'Default' };
        return send(201, {
          token: {
            methods: ['password'],
            user: { id: 'u1', name: 'demo', domain },
            expires_at: new Date(Date.now() + 3_600_000).toISOString(),
            project: { id: sampleProjectId, name: 'demo', domain },
            roles: [{ id: 'r', name: 'member' }],
            catalog: cloudCatalog(base),
          },
        }, { 'x-subject-token': 'gAAAAA-fake-token' });
      }
      if (path === '/compute/v2.1') return send(200, { version: { id: 'v2.1', status: 'CURRENT', version: '2.96', min_version: '2.1' } });
      if (path === '/volume/v3') return send(200, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] });
      if (path === '/') return send(300, { versions: [{ id: 'v2.17', status: 'CURRENT' }, { id: 'v2.1', status: 'SUPPORTED' }] });
      send(404, { error: 'not here' });
    });
  });
  cloud = server;
  return server;
}

function cloudCatalog(base: string): KeystoneCatalogEntry[] {
  const endpoint = (url: string) => [{ id: url, interface: 'public' as const, region: 'RegionOne', region_id: 'RegionOne', url }];
  return [
    { id: 'c', type: 'compute', name: 'nova', endpoints: endpoint(`${base}/compute/v2.1`) },
    { id: 'v', type: 'volumev3', name: 'cinderv3', endpoints: endpoint(`${base}/volume/v3/${sampleProjectId}`) },
    { id: 'i', type: 'image', name: 'glance', endpoints: endpoint(`${base}/`) },
  ];
}

const expectedVersions = [
  { serviceType: 'compute', version: 'v2.1', minMicroversion: '2.1', maxMicroversion: '2.96' },
  { serviceType: 'block-storage', version: 'v3.0', minMicroversion: '3.0', maxMicroversion: '3.70' },
  { serviceType: 'image', version: 'v2.17' },
];

describe('version documents in index.html', () => {
  it('are read at sign-in, then written into every page without asking any service again', async () => {
    const seen: string[] = [];
    const keystone = await fakeCloud(seen);
    const config = testConfig({ authUrl: `${keystone.baseUrl}/v3` });
    writeBuild(config.server.clientDist);
    running = await startZenith(config);
    const browser = new TestBrowser(running.baseUrl);
    const login = await browser.send('/api/auth/login', { method: 'POST', json: { username: 'demo', password: 'pw' } });
    expect(login.status).toBe(200);
    // Read while the browser takes the sign-in answer, before any page or /api/versions call asks.
    await vi.waitFor(() => expect(seen.filter((call) => !call.includes('/v3/auth/tokens'))).toHaveLength(3));
    const page = async () => bootstrapOf(decoded(await get(running!.baseUrl, '/instances', { cookie: browser.cookie, 'accept-encoding': 'br' })));
    await vi.waitFor(async () => expect((await page()).versions).toEqual(expectedVersions));

    const before = seen.length;
    for (let load = 0; load < 3; load++) expect((await page()).versions).toEqual(expectedVersions);
    // And GET /api/versions/<type> answers the same from the same cache.
    expect(json<unknown>(await browser.send('/api/versions/compute'))).toEqual(expectedVersions[0]);
    expect(seen.slice(before)).toEqual([]);
  });

  it('are left out while not yet read (a session from before a restart), and read for the next page', async () => {
    const seen: string[] = [];
    const upstream = await fakeCloud(seen);
    const { baseUrl, sessions } = await serve();
    const cookie = await seedSession(sessions, sampleAuth({ catalog: cloudCatalog(upstream.baseUrl) }), 'c');
    const page = async () => bootstrapOf(decoded(await get(baseUrl, '/instances', { cookie })));
    expect((await page()).versions).toEqual([]);
    await vi.waitFor(async () => expect((await page()).versions).toEqual(expectedVersions));
    expect(seen).toHaveLength(3);
  });
});
