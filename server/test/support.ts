// The local OpenStack (e2e/cloud) as the integration tests see it. The tests read the demo and admin
// passwords from the generated clouds.yaml; the BFF itself never does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { loadConfig, type AppConfig } from '../src/config/config.js';
import type { AuthState } from '../src/session/session.js';
import { temporaryDirectory, type TestResponse } from '../src/testing/harness.js';

export const cloudsYaml = fileURLToPath(new URL('../../e2e/cloud/.state/clouds.yaml', import.meta.url));
export const keystoneUrl = 'http://127.0.0.1:5000/v3';
const redisUrlFile = fileURLToPath(new URL('../../e2e/cloud/.state/redis-url', import.meta.url));

/**
 * The test Redis (`bash e2e/cloud/redis up` writes its URL), database 1: the e2e's replicas use database 0, so the
 * sign-in failures these tests count never limit the e2e's sign-ins.
 */
export function testRedisUrl(): string {
  if (!existsSync(redisUrlFile)) throw new Error(`No test Redis (${redisUrlFile}): run \`bash e2e/cloud/redis up\``);
  const url = new URL(readFileSync(redisUrlFile, 'utf8').trim());
  url.pathname = '/1';
  return url.toString();
}

interface CloudsFile {
  clouds: Record<string, { auth: { username: string; password: string; project_name: string } }>;
}

/**
 * A redis-server of the test's own, in the foreground as this process's child, on `port` (not the shared test Redis:
 * the test may stop it); never saving on its own, its data (dump.rdb) in `dir` when given. Resolves once it accepts
 * connections.
 */
export async function startPrivateRedis(port: number, dir?: string): Promise<ChildProcess> {
  const args = ['--bind', '127.0.0.1', '--port', String(port), ...(dir ? ['--dir', dir] : []), '--save', '', '--appendonly', 'no'];
  const child = spawn('/usr/bin/redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  return child;
}

export function credentials(cloud: 'zenith-demo' | 'zenith-admin') {
  const file = parse(readFileSync(cloudsYaml, 'utf8')) as CloudsFile;
  const entry = file.clouds[cloud];
  if (!entry) throw new Error(`${cloudsYaml} has no cloud ${cloud}`);
  return { username: entry.auth.username, password: entry.auth.password, project: entry.auth.project_name };
}

/** Waits for Keystone (the cloud may still be starting); fails with the command that starts it. */
export async function waitForCloud(timeoutMs = 100_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(cloudsYaml)) {
      try {
        const response = await fetch(keystoneUrl);
        if (response.ok) return;
      } catch {
        // not up yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error('The local OpenStack does not answer on 127.0.0.1:5000: run `bash e2e/cloud/up`');
}

/** The configuration `OS_CLOUD=zenith-demo` gives, with its own state directory. */
export function integrationConfig(stateDir = temporaryDirectory('int')): AppConfig {
  const config = loadConfig({
    env: { OS_CLIENT_CONFIG_FILE: cloudsYaml, OS_CLOUD: 'zenith-demo', ZENITH_STATE_DIR: stateDir, ZENITH_LOG_LEVEL: 'info' },
  });
  // Every test signs in from 127.0.0.1; the wrong-password tests must not lock the others out.
  config.server.loginRateLimit = { ...config.server.loginRateLimit, maxFailuresPerIp: 1000, maxFailuresPerUsername: 1000 };
  return config;
}

/** The Keystone token behind a browser's session cookie, read from the SQLite store as an attacker with disk access would. */
export function tokenInStore(sessionDb: string, cookie: string | undefined): string {
  const value = decodeURIComponent(cookie?.split('=')[1] ?? '');
  const sessionId = value.slice(2, value.lastIndexOf('.'));
  const database = new Database(sessionDb, { readonly: true });
  try {
    const row = database.prepare('SELECT sess FROM sessions WHERE sid = ?').get(sessionId) as { sess: string } | undefined;
    if (!row) throw new Error(`no session ${sessionId} in ${sessionDb}`);
    const session = JSON.parse(row.sess) as { auth: AuthState };
    return session.auth.token;
  } finally {
    database.close();
  }
}

/** Asks Keystone itself whether a token is still valid (GET /v3/auth/tokens, the token checking itself). */
export async function keystoneValidates(token: string): Promise<number> {
  const response = await fetch(`${keystoneUrl}/auth/tokens`, { headers: { 'x-auth-token': token, 'x-subject-token': token } });
  return response.status;
}

/** Revokes a token as its owner, or (with an admin's token) behind its owner's back, as `openstack token revoke` does. */
export async function revokeInKeystone(token: string, revokerToken = token): Promise<void> {
  const response = await fetch(`${keystoneUrl}/auth/tokens`, {
    method: 'DELETE',
    headers: { 'x-auth-token': revokerToken, 'x-subject-token': token },
  });
  if (response.status !== 204) throw new Error(`Keystone answered ${response.status} to the revocation`);
}

/** Fernet tokens (Keystone's default) start with gAAAAA; none may ever appear in what the browser gets. */
export function expectNoToken(response: TestResponse): void {
  const everything = `${JSON.stringify(response.headers)}\n${response.body}`;
  if (everything.includes('gAAAAA')) throw new Error(`a Keystone token reached the browser: ${everything.slice(0, 500)}`);
}

/** A project-scoped token of one of the local cloud's users and that user's id, asked of Keystone directly (test fixtures only). */
export async function cloudLogin(cloud: 'zenith-admin' | 'zenith-demo'): Promise<{ token: string; userId: string }> {
  const { username, password, project } = credentials(cloud);
  const response = await fetch(`${keystoneUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: username, password, domain: { id: 'default' } } } },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    }),
  });
  const token = response.headers.get('x-subject-token');
  if (response.status !== 201 || !token) throw new Error(`${cloud} login failed: ${response.status}`);
  return { token, userId: ((await response.json()) as { token: { user: { id: string } } }).token.user.id };
}

const adminToken = async (): Promise<string> => (await cloudLogin('zenith-admin')).token;

async function keystoneAdmin<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${keystoneUrl}${path}`, {
    method,
    headers: { 'x-auth-token': token, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A throw-away user with the member role on one project and no default project. */
export async function createUserWithoutDefaultProject(projectName: string) {
  const token = await adminToken();
  const name = `zenith-int-${Date.now()}`;
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const { user } = await keystoneAdmin<{ user: { id: string } }>(token, 'POST', '/users', {
    user: { name, password, domain_id: 'default', enabled: true },
  });
  const { projects } = await keystoneAdmin<{ projects: { id: string }[] }>(token, 'GET', `/projects?name=${projectName}`);
  const { roles } = await keystoneAdmin<{ roles: { id: string }[] }>(token, 'GET', '/roles?name=member');
  const projectId = projects[0]?.id;
  const roleId = roles[0]?.id;
  if (!projectId || !roleId) throw new Error(`no project ${projectName} or role member in the local cloud`);
  await keystoneAdmin(token, 'PUT', `/projects/${projectId}/users/${user.id}/roles/${roleId}`);
  return { name, password, remove: () => keystoneAdmin(token, 'DELETE', `/users/${user.id}`) };
}
