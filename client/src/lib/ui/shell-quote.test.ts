/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote, shellVariable } from './shell-quote';

describe('shellQuote', () => {
  it('leaves plain words alone', () => {
    expect(shellQuote('server')).toBe('server');
    expect(shellQuote('--flavor=m1.tiny')).toBe('--flavor=m1.tiny');
    expect(shellQuote('10.0.0.5/24')).toBe('10.0.0.5/24');
    expect(shellQuote('6f1c2a3b-0000-4000-8000-000000000001')).toBe('6f1c2a3b-0000-4000-8000-000000000001');
  });

  it('quotes empty strings, spaces and shell syntax', () => {
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('my server')).toBe("'my server'");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
    expect(shellQuote('a;rm -rf /')).toBe("'a;rm -rf /'");
    expect(shellQuote('*')).toBe("'*'");
    expect(shellQuote('~root')).toBe("'~root'");
  });

  it('writes a shell variable as its expansion, and nothing typed can pass for one', () => {
    expect(shellQuote(shellVariable('PSK'))).toBe('"$PSK"');
    expect(shellQuote('\\0PSK')).toBe("'\\0PSK'");
    expect(() => shellVariable('psk; id')).toThrow();
    const printed = execFileSync('sh', ['-c', `printf '%s' ${shellCommand([shellVariable('PSK')])}`], { encoding: 'utf8', env: { PSK: 'it is secret' } });
    expect(printed).toBe('it is secret');
  });

  it("closes and reopens around single quotes", () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('round-trips through a real shell, whatever the argument', () => {
    const nasty = ["it's", 'a "b"', '$(id)', '`id`', 'line\nbreak', 'back\\slash', '!', '', ' ', 'été', '#x', 'a=b c'];
    const printed = execFileSync('sh', ['-c', `printf '%s\\0' ${shellCommand(nasty)}`], { encoding: 'utf8' });
    expect(printed.split('\0').slice(0, -1)).toEqual(nasty);
  });
});

describe('shellCommand', () => {
  it('joins quoted arguments with spaces', () => {
    expect(shellCommand(['openstack', 'server', 'set', '--name', 'web 1', 'abc'])).toBe("openstack server set --name 'web 1' abc");
  });
});
