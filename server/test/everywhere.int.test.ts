// Reads across projects and regions against the local cloud: demo is a member of demo and demo-2, and the catalog
// has RegionOne and RegionTwo. Servers are made with the openstack CLI; one test takes demo's roles on demo-2 away
// (the admin CLI) and gives them back: run it under the e2e lock (`flock /tmp/zenith-e2e.lock`).
import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EverywhereLine } from '../src/contract/everywhere.js';
import type { SessionView } from '../src/contract/session.js';
import type { ProjectToken } from '../src/session/session.js';
import { json, LogCapture, removeTemporaryDirectories, startZenith, TestBrowser, type RunningZenith } from '../src/testing/harness.js';
import { cloudsYaml, credentials, integrationConfig, keystoneUrl, keystoneValidates, waitForCloud } from './support.js';

const run = promisify(execFile);
const cli = async (cloud: 'zenith-demo' | 'zenith-admin', args: string[]): Promise<string> =>
  (await run('openstack', ['--os-cloud', cloud, ...args], { env: { ...process.env, OS_CLIENT_CONFIG_FILE: cloudsYaml } })).stdout;

/**
 * The CLI as demo in another project: `--os-cloud zenith-demo --os-project-name demo-2` is not enough (the cloud's
 * project_name wins and the command runs in demo), so the whole sign-in comes from OS_* variables.
 */
async function cliAsDemoIn(project: string, args: string[]): Promise<string> {
  const { username, password } = credentials('zenith-demo');
  const env = {
    PATH: process.env.PATH,
    OS_AUTH_URL: keystoneUrl,
    OS_IDENTITY_API_VERSION: '3',
    OS_USERNAME: username,
    OS_PASSWORD: password,
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_NAME: project,
    OS_PROJECT_DOMAIN_NAME: 'Default',
    OS_REGION_NAME: 'RegionOne',
  };
  return (await run('openstack', args, { env })).stdout;
}

const prefix = `int-everywhere-${Math.random().toString(36).slice(2, 8)}`;
const created: { id: string; project: string }[] = [];
let zenith: RunningZenith;
let browser: TestBrowser;
const logs = new LogCapture();

/** A server in that project, without a network (nothing to clean up but itself); listed as soon as Nova accepts it. */
async function createServer(project: string): Promise<string> {
  const answer = await cliAsDemoIn(project, [
    '--os-compute-api-version', '2.79',
    'server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros-tiny', '--nic', 'none', '-f', 'json', `${prefix}-${project}`,
  ]);
  const { id } = JSON.parse(answer) as { id: string };
  created.push({ id, project });
  return id;
}

interface TimedLine {
  line: EverywhereLine;
  /** Milliseconds since the request was sent. */
  at: number;
}

/** The fan-out as a browser reads it: each line with when it arrived. */
function readEverywhere(path: string): Promise<{ status: number; lines: TimedLine[]; raw: string }> {
  const { hostname, port } = new URL(zenith.baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path, headers: { cookie: browser.cookie ?? '' }, agent: false }, (response) => {
      const lines: TimedLine[] = [];
      let raw = '';
      let pending = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        raw += chunk;
        pending += chunk;
        let end: number;
        while ((end = pending.indexOf('\n')) !== -1) {
          lines.push({ line: EverywhereLine.parse(JSON.parse(pending.slice(0, end))), at: performance.now() - started });
          pending = pending.slice(end + 1);
        }
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, lines, raw }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const results = (lines: TimedLine[]) => lines.flatMap(({ line }) => (line.kind === 'result' ? [line] : []));

/** The project tokens kept beside the session (project_tokens), and the size of the session's own row. */
function projectTokensInStore(): ProjectToken[] {
  const value = decodeURIComponent(browser.cookie?.split('=')[1] ?? '');
  const sessionId = value.slice(2, value.lastIndexOf('.'));
  const database = new Database(zenith.config.server.sessionDb, { readonly: true });
  try {
    const row = database.prepare('SELECT sess FROM sessions WHERE sid = ?').get(sessionId) as { sess: string };
    // The session every request loads holds none of them.
    expect(row.sess).not.toContain('projectTokens');
    const rows = database.prepare('SELECT data FROM project_tokens WHERE sid = ?').all(sessionId) as { data: string }[];
    return rows.map((held) => JSON.parse(held.data) as ProjectToken);
  } finally {
    database.close();
  }
}

beforeAll(async () => {
  await waitForCloud();
  zenith = await startZenith(integrationConfig(), logs);
  browser = new TestBrowser(zenith.baseUrl);
  const { username, password } = credentials('zenith-demo');
  const response = await browser.send('/api/auth/login', { method: 'POST', json: { username, password, project: 'demo' } });
  expect(response.status).toBe(200);
  browser.csrfToken = json<SessionView>(response).csrfToken;
}, 120_000);

afterAll(async () => {
  await Promise.all(
    created.map(({ id, project }) =>
      cliAsDemoIn(project, ['server', 'delete', '--wait', id]).catch(() => undefined),
    ),
  );
  await zenith?.close();
  removeTemporaryDirectories();
}, 120_000);

describe('GET /api/everywhere against the local cloud', () => {
  it("lists demo's servers of both projects in both regions, each line named", async () => {
    const inDemo = await createServer('demo');
    const inDemo2 = await createServer('demo-2');

    const { status, lines, raw } = await readEverywhere('/api/everywhere/compute/servers/detail');
    expect(status).toBe(200);
    expect(lines[0]?.line).toMatchObject({ kind: 'start', regions: ['RegionOne', 'RegionTwo'], omittedProjects: 0 });
    const answered = results(lines);
    expect(answered).toHaveLength(4);
    expect(answered.every((line) => line.ok)).toBe(true);
    const placesOf = (id: string) =>
      answered
        .filter((line) => line.ok && line.items.some((item) => item.id === id))
        .map((line) => `${line.project.name}/${line.region}`)
        .sort();
    // RegionTwo's endpoints are RegionOne's (e2e/cloud): each server is listed once per region, in its own project only.
    expect(placesOf(inDemo)).toEqual(['demo/RegionOne', 'demo/RegionTwo']);
    expect(placesOf(inDemo2)).toEqual(['demo-2/RegionOne', 'demo-2/RegionTwo']);
    expect(lines.at(-1)?.line).toMatchObject({ kind: 'end', results: 4 });
    expect(raw).not.toContain('gAAAAA');

    const first = lines.find(({ line }) => line.kind === 'result')?.at;
    console.log(`fan-out servers/detail, 2 projects × 2 regions (first call, one rescope): first line ${first?.toFixed(0)} ms, last ${lines.at(-1)?.at.toFixed(0)} ms`);
  }, 120_000);

  it('reuses the project token on later reads', async () => {
    const before = projectTokensInStore();
    expect(before.map((held) => held.projectId)).toHaveLength(1);
    for (let round = 0; round < 3; round++) {
      const { lines } = await readEverywhere('/api/everywhere/compute/servers/detail');
      const firstResult = lines.find(({ line }) => line.kind === 'result');
      console.log(`fan-out servers/detail, warm: first line ${firstResult?.at.toFixed(0)} ms, last ${lines.at(-1)?.at.toFixed(0)} ms`);
    }
    expect(projectTokensInStore().map((held) => held.token)).toEqual(before.map((held) => held.token));
  }, 60_000);

  it('reads volumes and floating IPs across projects too', async () => {
    for (const path of ['block-storage/volumes/detail', 'network/v2.0/floatingips']) {
      const { lines } = await readEverywhere(`/api/everywhere/${path}`);
      const answered = results(lines);
      expect(answered, path).toHaveLength(4);
      expect(answered.every((line) => line.ok), JSON.stringify(answered.filter((line) => !line.ok))).toBe(true);
      expect(new Set(answered.map((line) => line.project.name))).toEqual(new Set(['demo', 'demo-2']));
    }
  }, 60_000);

  it("names demo-2 once demo's roles there are removed, and still answers for demo", async () => {
    const roles = (await cli('zenith-admin', ['role', 'assignment', 'list', '--user', 'demo', '--project', 'demo-2', '--names', '-f', 'value', '-c', 'Role']))
      .split('\n')
      .filter(Boolean);
    expect(roles).toContain('member');
    try {
      for (const role of roles) await cli('zenith-admin', ['role', 'remove', '--user', 'demo', '--project', 'demo-2', role]);
      const { lines } = await readEverywhere('/api/everywhere/compute/servers/detail');
      const answered = results(lines);
      const demo2 = answered.filter((line) => line.project.name === 'demo-2');
      expect(demo2).toHaveLength(2);
      for (const line of demo2) expect(line).toMatchObject({ ok: false, status: 403, error: { code: 'no_role', message: expect.stringContaining('demo-2') } });
      const demo = answered.filter((line) => line.project.name === 'demo');
      expect(demo.map((line) => line.ok)).toEqual([true, true]);
      expect(projectTokensInStore()).toEqual([]);
    } finally {
      for (const role of roles) await cli('zenith-admin', ['role', 'add', '--user', 'demo', '--project', 'demo-2', role]);
    }
    // Back in demo-2: a new token for it, read again.
    const { lines } = await readEverywhere('/api/everywhere/compute/servers/detail');
    expect(results(lines).every((line) => line.ok)).toBe(true);
  }, 120_000);

  it('revokes the project tokens at logout, and never logs a token', async () => {
    const held = projectTokensInStore();
    expect(held).toHaveLength(1);
    expect(await keystoneValidates(held[0]?.token ?? '')).toBe(200);
    expect((await browser.send('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    // A revoked token cannot even ask about itself: 401 (404 once Keystone has forgotten it).
    expect([401, 404]).toContain(await keystoneValidates(held[0]?.token ?? ''));
    expect(logs.text).not.toContain('gAAAAA');
    expect(logs.text).toContain('read across projects');
  });
});
