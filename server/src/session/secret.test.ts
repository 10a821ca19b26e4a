import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTemporaryDirectories, temporaryDirectory } from '../testing/harness.js';
import { resolveSessionSecret } from './secret.js';

afterAll(removeTemporaryDirectories);

describe('resolveSessionSecret', () => {
  it('uses ZENITH_SESSION_SECRET when set, and writes nothing', () => {
    const stateDir = join(temporaryDirectory('secret'), 'state');
    expect(resolveSessionSecret('y'.repeat(40), stateDir)).toBe('y'.repeat(40));
    expect(() => statSync(stateDir)).toThrow();
  });

  it('generates a secret once, keeps it 0600 in a 0700 directory, and reuses it', () => {
    const stateDir = join(temporaryDirectory('secret'), 'state');
    const secret = resolveSessionSecret(undefined, stateDir);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const file = join(stateDir, 'session-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(resolveSessionSecret(undefined, stateDir)).toBe(secret);
  });
});
