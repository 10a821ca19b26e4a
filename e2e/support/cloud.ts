// The local OpenStack as the tests see it: its clouds.yaml, its logins, and the `openstack` CLI as an
// independent witness of what Zenith did.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';

const cloudsYaml = new URL('../cloud/.state/clouds.yaml', import.meta.url).pathname;

export type CloudName = 'zenith-admin' | 'zenith-demo';
/** The clouds the CLI witness runs as: also the reader (only the reader role, on project demo). */
export type WitnessCloud = CloudName | 'zenith-reader';

interface CloudsFile {
  clouds: Record<string, { auth: { username: string; password: string; project_name: string } }>;
}

function readCloud(name: CloudName) {
  const file = parse(readFileSync(cloudsYaml, 'utf8')) as CloudsFile;
  const cloud = file.clouds[name];
  if (!cloud) throw new Error(`${cloudsYaml} has no cloud ${name}: run e2e/cloud/up`);
  return { username: cloud.auth.username, password: cloud.auth.password, project: cloud.auth.project_name };
}

export const localCloud = {
  cloudsYaml,
  login: (name: CloudName) => readCloud(name),
};

/**
 * The `openstack` CLI, run by one long-lived process per test worker (openstack-witness.py) that imports the client
 * once and forks a fresh child per command: each command still reads clouds.yaml, authenticates and runs exactly
 * as `openstack <args>` would, without the ~1.3 s of imports a one-shot process pays every time.
 */
interface WitnessAnswer {
  id: number;
  code: number;
  stdout: string;
  stderr: string;
}

let witness: { child: ChildProcessWithoutNullStreams; pending: Map<number, (answer: WitnessAnswer) => void> } | undefined;
let nextCommand = 0;

function startWitness() {
  const child = spawn('/usr/bin/python3', [new URL('./openstack-witness.py', import.meta.url).pathname], {
    env: { ...process.env, OS_CLIENT_CONFIG_FILE: cloudsYaml },
  });
  const pending = new Map<number, (answer: WitnessAnswer) => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as WitnessAnswer;
    pending.get(answer.id)?.(answer);
    pending.delete(answer.id);
    if (pending.size === 0) holdProcess(child, false);
  });
  let diagnostics = '';
  child.stderr.on('data', (chunk: Buffer) => (diagnostics += chunk.toString()));
  child.on('exit', (code) => {
    witness = undefined;
    const failure = { code: code ?? 1, stdout: '', stderr: `openstack-witness.py exited (${code}): ${diagnostics}` };
    for (const [id, answer] of pending) answer({ id, ...failure });
  });
  holdProcess(child, false);
  return { child, pending };
}

/**
 * An idle witness must not keep the test process alive (its stdin closing then stops it); one with commands running
 * must, or a script awaiting only the witness would exit early.
 */
function holdProcess(child: ChildProcessWithoutNullStreams, busy: boolean) {
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as unknown as { ref(): void; unref(): void }[]) {
    if (busy) handle.ref();
    else handle.unref();
  }
}

// `--os-project-name` does not override a clouds.yaml entry's project_name; `--os-project-id` does.
async function cli(cloud: WitnessCloud, args: string[], projectId?: string): Promise<{ stdout: string }> {
  const scope = projectId ? ['--os-project-id', projectId] : [];
  const argv = ['--os-cloud', cloud, ...scope, ...args];
  witness ??= startWitness();
  const { child, pending } = witness;
  const id = nextCommand++;
  const answer = await new Promise<WitnessAnswer>((resolve) => {
    if (pending.size === 0) holdProcess(child, true);
    pending.set(id, resolve);
    child.stdin.write(`${JSON.stringify({ id, argv })}\n`);
  });
  if (answer.code !== 0) {
    throw Object.assign(new Error(`openstack ${argv.join(' ')} exited ${answer.code}: ${answer.stderr.trim()}`), answer);
  }
  return { stdout: answer.stdout };
}

/** Runs `openstack <args> -f json` against the local cloud and returns the parsed output. */
export async function openstack<T>(cloud: WitnessCloud, args: string[], projectId?: string): Promise<T> {
  const { stdout } = await cli(cloud, [...args, '-f', 'json'], projectId);
  return JSON.parse(stdout) as T;
}

/** Runs an `openstack` command that prints nothing worth parsing (set, delete...). */
export async function openstackDo(cloud: WitnessCloud, args: string[], projectId?: string): Promise<void> {
  await cli(cloud, args, projectId);
}

/** A project's id, looked up by the admin (members may not list projects). */
export async function projectIdOf(name: string): Promise<string> {
  return (await openstack<{ id: string }>('zenith-admin', ['project', 'show', name])).id;
}
