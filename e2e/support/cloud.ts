// The local OpenStack as the tests see it: its clouds.yaml, its logins, and the `openstack` CLI as an
// independent witness of what Zenith did.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const run = promisify(execFile);

const cloudsYaml = new URL('../cloud/.state/clouds.yaml', import.meta.url).pathname;

export type CloudName = 'zenith-admin' | 'zenith-demo';

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

// `--os-project-name` does not override a clouds.yaml entry's project_name; `--os-project-id` does.
function cli(cloud: CloudName, args: string[], projectId?: string) {
  const scope = projectId ? ['--os-project-id', projectId] : [];
  return run('openstack', ['--os-cloud', cloud, ...scope, ...args], {
    env: { ...process.env, OS_CLIENT_CONFIG_FILE: cloudsYaml },
    timeout: 60_000,
  });
}

/** Runs `openstack <args> -f json` against the local cloud and returns the parsed output. */
export async function openstack<T>(cloud: CloudName, args: string[], projectId?: string): Promise<T> {
  const { stdout } = await cli(cloud, [...args, '-f', 'json'], projectId);
  return JSON.parse(stdout) as T;
}

/** Runs an `openstack` command that prints nothing worth parsing (set, delete...). */
export async function openstackDo(cloud: CloudName, args: string[], projectId?: string): Promise<void> {
  await cli(cloud, args, projectId);
}

/** A project's id, looked up by the admin (members may not list projects). */
export async function projectIdOf(name: string): Promise<string> {
  return (await openstack<{ id: string }>('zenith-admin', ['project', 'show', name])).id;
}
