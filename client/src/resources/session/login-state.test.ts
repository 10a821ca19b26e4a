import { describe, expect, it } from 'vitest';
import { isSafeReturnPath, readLoginState } from './login-state';

describe('isSafeReturnPath', () => {
  it('accepts app paths with their query and hash', () => {
    expect(isSafeReturnPath('/')).toBe(true);
    expect(isSafeReturnPath('/compute/servers?status=ACTIVE#top')).toBe(true);
  });

  it('refuses anything that could leave the app, or loop back to login', () => {
    for (const path of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', '/login', '/login?x=1', 42]) {
      expect(isSafeReturnPath(path)).toBe(false);
    }
    expect(isSafeReturnPath('/loginless')).toBe(true);
  });
});

describe('readLoginState', () => {
  it('keeps a valid deep link and notice', () => {
    expect(readLoginState({ from: '/x', notice: { kind: 'sessionEnded', message: 'Token expired' } })).toEqual({
      from: '/x',
      notice: { kind: 'sessionEnded', message: 'Token expired' },
    });
  });

  it('keeps the account to fill the form with, when well formed', () => {
    expect(readLoginState({ notice: { kind: 'passwordChanged' }, account: { username: 'demo', userDomain: 'Default' } })).toEqual({
      from: undefined,
      notice: { kind: 'passwordChanged' },
      account: { username: 'demo', userDomain: 'Default' },
    });
    expect(readLoginState({ account: { username: 3 } }).account).toBeUndefined();
  });

  it('drops what it does not recognise', () => {
    expect(readLoginState(null)).toEqual({});
    expect(readLoginState({ from: '//evil', notice: { kind: 'hacked' } })).toEqual({ from: undefined, notice: undefined });
    expect(readLoginState({ notice: { kind: 'sessionEnded' } }).notice).toBeUndefined();
  });
});
