// How long "All my instances" takes with many projects: seeds N projects (bench-everywhere-*) with demo as a member
// through Keystone (idempotent), starts the built BFF, signs demo in and reads GET /api/everywhere/compute/servers/
// detail (every project × every region of the catalog), timing the first result line and the last line, cold (no
// project token held yet: each project is rescoped) and warm (the session's tokens reused). Then each project ×
// region's list call alone, one at a time, through the BFF's proxy in that scope (X-Zenith-Target-Scope): the
// slowest of those is what the first line should be within (+100 ms), and what the whole fan-out should be bounded
// by rather than the sum. Also the session's size in the store before and after the project tokens. Prints the
// figures; asserts nothing.
//
//   npm run build && npx tsx bench/everywhere.ts [--projects 20] [--runs 3]
//   npx tsx bench/everywhere.ts --cleanup                 (deletes the bench-everywhere- projects)
import Database from 'better-sqlite3';
import { mapBounded } from '../client/src/lib/api/bounded';
import { benchArgs } from './args';
import { signIn, startBff, type BffSession } from './bff';
import { authenticate, call, keystone, type Session } from './openstack';
import { ascending, percentile } from './stats';

const args = benchArgs({ count: { name: 'projects', default: 20, min: 0, max: 200 }, port: 8503 });
const prefix = 'bench-everywhere-';

interface Named {
  id: string;
  name: string;
}

async function benchProjects(admin: Session): Promise<Named[]> {
  const { projects } = await call<{ projects: Named[] }>(admin, 'GET', `${keystone}/projects?domain_id=default`);
  return projects.filter((project) => project.name.startsWith(prefix));
}

async function one(admin: Session, collection: 'users' | 'roles', name: string): Promise<Named> {
  const found = (await call<Record<string, Named[]>>(admin, 'GET', `${keystone}/${collection}?name=${encodeURIComponent(name)}`))[collection]?.[0];
  if (!found) throw new Error(`no ${collection.slice(0, -1)} named ${name}`);
  return found;
}

/** The projects, made where missing, each with demo as a member (PUT of a role assignment is idempotent). */
async function seed(admin: Session): Promise<void> {
  const started = performance.now();
  const existing = new Set((await benchProjects(admin)).map((project) => project.name));
  const missing = Array.from({ length: args.count }, (_, index) => `${prefix}${String(index).padStart(3, '0')}`).filter((name) => !existing.has(name));
  await mapBounded(missing, 8, (name) => call(admin, 'POST', `${keystone}/projects`, { project: { name, domain_id: 'default', description: 'everywhere benchmark' } }));
  const [demo, member] = await Promise.all([one(admin, 'users', 'demo'), one(admin, 'roles', 'member')]);
  const projects = (await benchProjects(admin)).filter((project) => Number(project.name.slice(prefix.length)) < args.count);
  await mapBounded(projects, 8, (project) => call(admin, 'PUT', `${keystone}/projects/${project.id}/users/${demo.id}/roles/${member.id}`));
  console.log(`${existing.size} bench projects existed, created ${missing.length}; demo is a member of ${projects.length} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

async function cleanup(admin: Session): Promise<void> {
  const projects = await benchProjects(admin);
  await mapBounded(projects, 8, (project) => call(admin, 'DELETE', `${keystone}/projects/${project.id}`));
  console.log(`deleted ${projects.length} bench projects`);
}

interface FanOut {
  firstResultMs: number;
  lastLineMs: number;
  results: number;
  failures: number;
  projects: Named[];
  regions: string[];
  bffElapsedMs: number;
}

/** One read across projects, timed from the request to its first result line and to its last line. */
async function fanOut(url: string, session: BffSession): Promise<FanOut> {
  const started = performance.now();
  const response = await fetch(`${url}/api/everywhere/compute/servers/detail`, { headers: { cookie: session.cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`everywhere: HTTP ${response.status} ${await response.text()}`);
  const outcome: FanOut = { firstResultMs: Number.NaN, lastLineMs: Number.NaN, results: 0, failures: 0, projects: [], regions: [], bffElapsedMs: Number.NaN };
  const decoder = new TextDecoder();
  let pending = '';
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    pending += decoder.decode(chunk.value, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines.filter((line) => line.trim() !== '')) {
      const line = JSON.parse(text) as { kind: string; ok?: boolean; projects?: Named[]; regions?: string[]; elapsedMs?: number };
      const now = performance.now() - started;
      if (line.kind === 'start') Object.assign(outcome, { projects: line.projects ?? [], regions: line.regions ?? [] });
      if (line.kind === 'result') {
        if (outcome.results === 0) outcome.firstResultMs = now;
        outcome.results++;
        if (!line.ok) outcome.failures++;
      }
      if (line.kind === 'end') outcome.bffElapsedMs = line.elapsedMs ?? Number.NaN;
      outcome.lastLineMs = now;
    }
  }
  return outcome;
}

/** Each project × region's list call alone, through the proxy in that scope: its time, slowest first. */
async function singleCalls(url: string, session: BffSession, projects: readonly Named[], regions: readonly string[]) {
  const timed: { where: string; ms: number; status: number }[] = [];
  for (const project of projects) {
    for (const region of regions) {
      const started = performance.now();
      const response = await fetch(`${url}/api/os/compute/servers/detail`, {
        headers: { cookie: session.cookie, 'x-zenith-target-scope': `${project.id}/${encodeURIComponent(region)}` },
      });
      await response.arrayBuffer();
      timed.push({ where: `${project.name} ${region}`, ms: performance.now() - started, status: response.status });
    }
  }
  return timed.sort((a, b) => b.ms - a.ms);
}

/**
 * The stored session's JSON, in bytes (the SQLite store's row: what every request of the session reads), and its
 * project tokens' beside it (read by the reads across projects and the calls in another scope only).
 */
function sessionBytes(sessionDb: string, session: BffSession): { session: number; projectTokens: number } {
  const sid = decodeURIComponent(session.cookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0] ?? '';
  const database = new Database(sessionDb, { readonly: true, fileMustExist: true });
  try {
    const row = database.prepare('SELECT sess FROM sessions WHERE sid = ?').get(sid) as { sess: string } | undefined;
    const tokens = database.prepare('SELECT data FROM project_tokens WHERE sid = ?').all(sid) as { data: string }[];
    return {
      session: row ? Buffer.byteLength(row.sess) : Number.NaN,
      projectTokens: tokens.reduce((total, token) => total + Buffer.byteLength(token.data), 0),
    };
  } finally {
    database.close();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;

async function measure(): Promise<void> {
  const bff = await startBff(args.port);
  try {
    const cold: FanOut[] = [];
    const warm: FanOut[] = [];
    let sizes: { before?: ReturnType<typeof sessionBytes>; after?: ReturnType<typeof sessionBytes> } = {};
    let last: BffSession | undefined;
    for (let run = 0; run < args.runs; run++) {
      // A new session holds no project token: its first read rescopes every project, its second reuses them.
      const session = await signIn(bff.url, 'zenith-demo');
      const before = sessionBytes(bff.sessionDb, session);
      cold.push(await fanOut(bff.url, session));
      sizes = { before, after: sessionBytes(bff.sessionDb, session) };
      warm.push(await fanOut(bff.url, session));
      last = session;
    }
    const shape = cold[0];
    console.log(`${shape?.projects.length} projects × ${shape?.regions.length} regions = ${shape?.results} list calls per read (8 at a time in the BFF)`);
    for (const [label, runs] of [['cold (rescopes)', cold], ['warm (tokens held)', warm]] as const) {
      const first = ascending(runs.map((run) => run.firstResultMs));
      const whole = ascending(runs.map((run) => run.lastLineMs));
      console.log(
        `  ${label}: first result line ${runs.map((run) => ms(run.firstResultMs)).join(', ')} (median ${ms(percentile(first, 0.5))}); ` +
          `last line ${runs.map((run) => ms(run.lastLineMs)).join(', ')} (median ${ms(percentile(whole, 0.5))}); failures ${runs.map((run) => run.failures).join(', ')}`,
      );
    }
    if (last && shape) {
      const single = await singleCalls(bff.url, last, shape.projects, shape.regions);
      const sum = single.reduce((total, call) => total + call.ms, 0);
      const [slowest] = single;
      console.log(
        `  each project × region's list alone (through the proxy in its scope, one at a time): slowest ${slowest ? `${ms(slowest.ms)} (${slowest.where}, HTTP ${slowest.status})` : '—'}, ` +
          `median ${ms(percentile(ascending(single.map((call) => call.ms)), 0.5))}, sum ${ms(sum)}`,
      );
    }
    console.log(
      `  the session in the store: ${sizes.before?.session} bytes before the read, ${sizes.after?.session} bytes after; ` +
        `its ${shape?.projects.length} projects' tokens beside it: ${sizes.after?.projectTokens} bytes`,
    );
  } finally {
    bff.stop();
  }
}

const admin = await authenticate('zenith-admin');
if (args.cleanup) await cleanup(admin);
else {
  await seed(admin);
  await measure();
}
