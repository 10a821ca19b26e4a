// Key pairs as the CLI witness sees them, and real OpenSSH keys made with ssh-keygen for the import tests.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openstack, openstackDo } from './cloud';

const run = promisify(execFile);

export interface CliKeypair {
  name: string;
  fingerprint: string;
  type: string;
}

/** Nova's microversion 2.2+ reports the type; the CLI's default (2.1) does not. */
const keypairApi = ['--os-compute-api-version', '2.35'];

export function cliKeypairs(): Promise<CliKeypair[]> {
  return openstack<{ Name: string; Fingerprint: string; Type: string }[]>('zenith-demo', [...keypairApi, 'keypair', 'list']).then((rows) =>
    rows.map((row) => ({ name: row.Name, fingerprint: row.Fingerprint, type: row.Type })),
  );
}

export async function cliKeypair(name: string): Promise<CliKeypair> {
  return openstack<CliKeypair>('zenith-demo', [...keypairApi, 'keypair', 'show', name]);
}

/** A fresh ed25519 public key line, and its MD5 fingerprint as Nova prints it (colon-separated hex). */
export async function sshKeygen(comment: string): Promise<{ publicKey: string; fingerprint: string; file: string; cleanUp: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'zenith-keypair-'));
  const file = join(dir, 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'md5', '-f', `${file}.pub`]);
  const fingerprint = /MD5:([0-9a-f:]+)/.exec(stdout)![1]!;
  return { publicKey: (await readFile(`${file}.pub`, 'utf8')).trim(), fingerprint, file: `${file}.pub`, cleanUp: () => rm(dir, { recursive: true }) };
}

export async function deleteKeypairsWithPrefix(prefix: string) {
  for (const keypair of await cliKeypairs()) {
    if (keypair.name.startsWith(prefix)) await openstackDo('zenith-demo', ['keypair', 'delete', keypair.name]).catch(() => undefined);
  }
}
