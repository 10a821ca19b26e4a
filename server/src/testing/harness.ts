// Shared by the unit and integration tests: an app on an ephemeral loopback port and a tiny browser that
// keeps the session cookie. Requests go through node:http so paths reach the server exactly as written
// (fetch would normalise `..` away before the BFF could refuse it).
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig, CloudConfig } from '../config/config.js';
import type { SessionData } from 'express-session';
import type { DestinationStream } from 'pino';
import type { KeystoneCatalogEntry } from '../openstack/keystone-types.js';
import { sessionCookieName, type AuthState } from '../session/session.js';
import { createApp, type ZenithApp } from '../app.js';
import { createHttpServer } from '../http/server.js';
import { openSessionBackend } from '../session/redis-store.js';
import type { SessionBackend } from '../session/store.js';

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's bytes as they crossed the wire (compressed ones included). */
  bytes: Buffer;
}

export function json<T>(response: TestResponse): T {
  return JSON.parse(response.body) as T;
}

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

export function listen(handler: http.RequestListener): Promise<RunningServer> {
  return listenOn(http.createServer(handler));
}

export async function listenOn(server: http.Server): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface RequestOptions {
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: string;
}

export function request(baseUrl: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
  const { hostname, port } = new URL(baseUrl);
  const headers: OutgoingHttpHeaders = { ...options.headers };
  if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ hostname, port, path, method: options.method ?? 'GET', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes.toString('utf8'), bytes });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Keeps the zenith.sid cookie and the CSRF token between requests, as the SPA's browser would. */
export class TestBrowser {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async send(path: string, options: RequestOptions & { json?: unknown; csrf?: boolean } = {}): Promise<TestResponse> {
    const headers: OutgoingHttpHeaders = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrfToken && !headers['x-csrf-token']) headers['x-csrf-token'] = this.csrfToken;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await request(this.baseUrl, path, { method: options.method, headers, body });
    this.keepCookie(response.headers['set-cookie']);
    return response;
  }

  private keepCookie(setCookie: string[] | undefined) {
    const ours = setCookie?.find((cookie) => cookie.startsWith(`${sessionCookieName}=`));
    if (!ours) return;
    const pair = ours.split(';')[0] ?? '';
    const value = pair.slice(sessionCookieName.length + 1);
    this.cookie = value ? pair : undefined;
  }
}

/** The cookie express-session would set for a session id (cookie-signature's format). */
export function signedSessionCookie(sessionId: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(sessionId).digest('base64').replace(/=+$/, '');
  return `${sessionCookieName}=${encodeURIComponent(`s:${sessionId}.${signature}`)}`;
}

export const testSecret = 'unit-test-session-secret-0123456789abcdef';

const temporaryDirectories: string[] = [];

export function temporaryDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), `zenith-${prefix}-`));
  temporaryDirectories.push(directory);
  return directory;
}

/** Session files hold live Keystone tokens: tests delete theirs rather than leave them in /tmp. */
export function removeTemporaryDirectories(): void {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
}

export function testConfig(cloud: Partial<CloudConfig> = {}, stateDir = temporaryDirectory('state')): AppConfig {
  return {
    cloud: {
      name: undefined,
      // Port 9 (discard) on loopback: nothing answers, so no unit test can reach a real Keystone by accident.
      authUrl: 'http://127.0.0.1:9/v3',
      region: 'RegionOne',
      interface: 'public',
      ca: undefined,
      verify: true,
      ...cloud,
    },
    server: {
      host: '127.0.0.1',
      port: 0,
      stateDir,
      sessionDb: join(stateDir, 'sessions.db'),
      sessionRedisUrl: undefined,
      sessionSecret: testSecret,
      secureCookies: false,
      trustProxy: false,
      logLevel: 'silent',
      clientDist: join(stateDir, 'client-dist'),
      sourceMaps: false,
      loginRateLimit: { windowMs: 60_000, maxFailuresPerIp: 100, maxFailuresPerUsername: 100 },
      shutdownDrainMs: 1000,
      upstreamTimeoutMs: 60_000,
      // Off: the stand-in Keystones answer what each test asks of them; token-recheck.test.ts turns it on.
      tokenRecheckMs: 0,
    },
  };
}

export const sampleProjectId = '0c4e939acacf4376bdcd1129f1a054ad';

/** A catalog shaped like the Keystone API reference's example, with two regions and a project-id URL. */
export function sampleCatalog(computeUrl = 'http://compute.example:8774/v2.1'): KeystoneCatalogEntry[] {
  const endpoints = (url: string) =>
    ['RegionOne', 'RegionTwo'].flatMap((region) =>
      (['public', 'internal'] as const).map((iface) => ({
        id: `${region}-${iface}-${url}`,
        interface: iface,
        region,
        region_id: region,
        url: iface === 'internal' ? url.replace('.example', '.internal') : url,
      })),
    );
  return [
    { id: 'c', type: 'compute', name: 'nova', endpoints: endpoints(computeUrl) },
    { id: 'v', type: 'volumev3', name: 'cinderv3', endpoints: endpoints(`http://volume.example:8776/v3/${sampleProjectId}`) },
    { id: 'i', type: 'image', name: 'glance', endpoints: endpoints('http://image.example:9292/') },
  ];
}

export function sampleAuth(overrides: Partial<AuthState> = {}): AuthState {
  return {
    token: 'gAAAAAB-sample-token-never-to-leave-the-server',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: 'u1', name: 'demo', domain: { id: 'default', name: 'Default' } },
    project: { id: sampleProjectId, name: 'demo', domain: { id: 'default', name: 'Default' } },
    roles: ['member', 'reader'],
    catalog: sampleCatalog(),
    region: 'RegionOne',
    retiredTokens: [],
    ...overrides,
  };
}

/** Puts a signed-in session straight into the store and returns the browser cookie that names it. */
export async function seedSession(backend: SessionBackend, auth: AuthState, csrfToken: string, secret = testSecret): Promise<string> {
  const sessionId = `seeded-${Math.random().toString(36).slice(2)}`;
  const session = {
    cookie: { originalMaxAge: 3_600_000, expires: new Date(Date.now() + 3_600_000).toISOString(), httpOnly: true, path: '/', sameSite: 'lax' },
    auth,
    csrfToken,
  };
  await new Promise<void>((resolve, reject) =>
    backend.store.set(sessionId, session as unknown as SessionData, (error: unknown) => (error ? reject(error instanceof Error ? error : new Error('The session store failed', { cause: error })) : resolve())),
  );
  return signedSessionCookie(sessionId, secret);
}

export interface RunningZenith extends RunningServer {
  zenith: ZenithApp;
  sessions: SessionBackend;
  config: AppConfig;
}

/** The real app on an ephemeral loopback port, with the session store given, else the one its config names. */
export async function startZenith(config: AppConfig, logDestination?: DestinationStream, sessionBackend?: SessionBackend): Promise<RunningZenith> {
  const sessions =
    sessionBackend ??
    (await openSessionBackend(config.server, (error) => {
      throw error;
    }));
  const zenith = createApp(config, { sessionBackend: sessions, logDestination });
  const server = await listenOn(createHttpServer(zenith.app, zenith.logger));
  return {
    ...server,
    zenith,
    sessions,
    config,
    close: async () => {
      await server.close();
      await zenith.close();
    },
  };
}

/** Collects log lines so tests can prove what is (not) in them. */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
}
