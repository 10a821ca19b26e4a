import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const secretFileName = 'session-secret';

/**
 * The key that signs session cookies. A generated one is kept in the state directory so that sessions
 * survive restarts; it is created 0600 because anyone who reads it can forge cookies for stolen session ids.
 */
export function resolveSessionSecret(configured: string | undefined, stateDir: string): string {
  if (configured) return configured;
  const file = join(stateDir, secretFileName);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
