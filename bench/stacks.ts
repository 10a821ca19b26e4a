// What launching a stack costs a user: POSTs the two-tier starter template (client/src/features/stack-launch/starters)
// through the BFF as the launch page does, then polls it as the stack page does (every 2 s, the stack itself,
// GET /stacks/<name>/<id>, and only its new events, GET .../events?marker=<last seen>) until CREATE_COMPLETE, then
// deletes it. Prints the time from the POST to the first answer saying CREATE_COMPLETE, Heat's own time for the
// create, and the OpenStack calls the BFF proxied while polling (from its request log). Asserts nothing.
//
//   npm run build && npx tsx bench/stacks.ts [--runs 3] [--port 8503]
//   npx tsx bench/stacks.ts --cleanup                  (deletes the bench-stack- stacks an interrupted run left)
//
// Needs the local cloud (bash e2e/cloud/up). Each run makes, in project demo, a network, subnet, router, two security
// groups, two ports, two servers and a floating IP, and deletes them.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { localCloud } from '../e2e/support/cloud';
import { benchArgs } from './args';
import { startBff, type BenchBff } from './bff';

const args = benchArgs({ port: 8503 });
const template = readFileSync(new URL('../client/src/features/stack-launch/starters/two-tier-app.yaml', import.meta.url), 'utf8');
// The stack page's polling interval (stackPollInterval in client/src/resources/stacks/stacks.ts).
const pollInterval = 2000;
const resourceCount = Object.keys((parse(template) as { resources: Record<string, unknown> }).resources).length;
const namePrefix = 'bench-stack-';
const stacksPath = '/api/os/orchestration/stacks';

interface Stack {
  id: string;
  stack_name: string;
  stack_status: string;
  stack_status_reason: string;
}

interface StackEvent {
  id: string;
  event_time: string;
  resource_name: string;
  resource_status: string;
}

/** A signed-in browser of the BFF: the session cookie, and the CSRF token its writes carry. */
class Client {
  private constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(url: string): Promise<Client> {
    const { username, password, project } = localCloud.login('zenith-demo');
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, project }),
    });
    if (response.status !== 200) throw new Error(`login: HTTP ${response.status} ${await response.text()}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new Client(url, response.headers.get('set-cookie')?.split(';')[0] ?? '', csrfToken);
  }

  /** The answer's status and parsed body (undefined when empty). */
  async send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400 && response.status !== 404) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 400)}`);
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RunResult {
  /** Milliseconds from sending the POST: its answer, and the first poll answer saying CREATE_COMPLETE. */
  posted: number;
  complete: number;
  /** Heat's own time for the create, from its events (1 s resolution). */
  heatSeconds: number;
  polls: number;
  events: number;
  osCalls: string[];
  deleteSeconds: number;
}

async function deleteStack(client: Client, path: string) {
  await client.send('DELETE', path);
  for (;;) {
    const { status, body } = await client.send<{ stack: Stack }>('GET', path);
    if (status === 404 || body.stack.stack_status === 'DELETE_COMPLETE') return;
    if (body.stack.stack_status === 'DELETE_FAILED') throw new Error(`${path}: DELETE_FAILED ${body.stack.stack_status_reason}`);
    await sleep(pollInterval);
  }
}

async function launch(client: Client, bff: BenchBff): Promise<RunResult> {
  const name = `${namePrefix}${Date.now()}`;
  const mark = bff.mark();
  const started = performance.now();
  const { body: created } = await client.send<{ stack: { id: string } }>('POST', stacksPath, { stack_name: name, template, timeout_mins: 10 });
  const posted = performance.now() - started;
  const stackPath = `${stacksPath}/${name}/${created.stack.id}`;
  const events: StackEvent[] = [];
  let polls = 0;
  let stack: Stack;
  for (;;) {
    polls++;
    const marker = events.at(-1)?.id;
    const query = new URLSearchParams({ sort_dir: 'asc', sort_keys: 'event_time', ...(marker ? { marker } : {}) });
    const [stackAnswer, eventsAnswer] = await Promise.all([
      client.send<{ stack: Stack }>('GET', stackPath),
      client.send<{ events: StackEvent[] }>('GET', `${stackPath}/events?${query}`),
    ]);
    stack = stackAnswer.body.stack;
    events.push(...eventsAnswer.body.events);
    if (stack.stack_status !== 'CREATE_IN_PROGRESS') break;
    await sleep(pollInterval);
  }
  const complete = performance.now() - started;
  if (stack.stack_status !== 'CREATE_COMPLETE') throw new Error(`${name}: ${stack.stack_status} ${stack.stack_status_reason}`);
  // pino-http logs a request once answered: give the last line time to arrive.
  await sleep(300);
  // The polling's calls: those on this stack since the POST (the log may still bring the previous run's last ones).
  const osCalls = bff.since(mark).filter((call) => call.startsWith(`GET ${stackPath}`));
  // The stack's own events: CREATE_IN_PROGRESS then CREATE_COMPLETE (both times in the same format, zone or not).
  const stackEvents = events.filter((event) => event.resource_name === name);
  const heatSeconds = (Date.parse(stackEvents.at(-1)?.event_time ?? '') - Date.parse(stackEvents[0]?.event_time ?? '')) / 1000;
  const deleteStarted = performance.now();
  await deleteStack(client, stackPath);
  return { posted, complete, heatSeconds, polls, events: events.length, osCalls, deleteSeconds: (performance.now() - deleteStarted) / 1000 };
}

async function cleanup(client: Client) {
  const { body } = await client.send<{ stacks: Stack[] }>('GET', stacksPath);
  const leftovers = body.stacks.filter((stack) => stack.stack_name.startsWith(namePrefix));
  for (const stack of leftovers) await deleteStack(client, `${stacksPath}/${stack.stack_name}/${stack.id}`);
  console.log(`deleted ${leftovers.length} bench stacks`);
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? Number.NaN;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function kindOf(call: string): string {
  if (/\/events\?/.test(call)) return call.includes('marker=') ? 'events after a marker' : 'events (first read)';
  return /\/stacks\/[^/]+\/[^/?]+$/.test(call) ? 'stack' : call;
}

function report(results: RunResult[]) {
  console.log(`\ntwo-tier-app starter (${resourceCount} resources) launched through the BFF as user demo in project demo, ${results.length} runs, polling every ${pollInterval / 1000} s`);
  results.forEach((result, index) => {
    const kinds = new Map<string, number>();
    for (const call of result.osCalls) kinds.set(kindOf(call), (kinds.get(kindOf(call)) ?? 0) + 1);
    console.log(
      `  run ${index + 1}: POST answered ${result.posted.toFixed(0)} ms; CREATE_COMPLETE seen ${seconds(result.complete)} after the POST ` +
        `(Heat's own create ${result.heatSeconds.toFixed(0)} s); ${result.polls} polls, ${result.events} events; ` +
        `${result.osCalls.length} OpenStack calls while polling: ${[...kinds].map(([kind, count]) => `${kind} ×${count}`).join(', ')}; ` +
        `delete ${result.deleteSeconds.toFixed(1)} s`,
    );
  });
  console.log(
    `  median: CREATE_COMPLETE seen ${seconds(median(results.map((result) => result.complete)))} after the POST, ` +
      `${median(results.map((result) => result.osCalls.length))} OpenStack calls while polling`,
  );
}

const bff = await startBff(args.port);
try {
  const client = await Client.signIn(bff.url);
  if (args.cleanup) {
    await cleanup(client);
  } else {
    const results: RunResult[] = [];
    for (let run = 0; run < args.runs; run++) results.push(await launch(client, bff));
    report(results);
  }
} finally {
  bff.stop();
}
