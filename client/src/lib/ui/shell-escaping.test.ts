/// <reference types="node" />
// Every command line Zenith shows, run through a real POSIX shell: the words the shell hands the program must be
// exactly the arguments Zenith meant, whatever the names contain.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, httpExchange } from '../api/http-exchange';
import { shellCommand } from './shell-quote';

/** What `/bin/sh` makes of a line: `eval "set -- <line>"`, then each positional parameter NUL-terminated. */
function shellWords(line: string, env: Record<string, string> = {}): string[] {
  const out = execFileSync('/bin/sh', ['-c', 'eval "set -- $1"; printf "%s\\0" "$@"', 'sh', line], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent', ...env },
  });
  return out.split('\0').slice(0, -1);
}

const names = [
  'plain',
  'with spaces',
  "it's",
  'a "quoted" name',
  '$HOME and ${USER}',
  '`id` and $(id)',
  'first line\nsecond line',
  'tab\there',
  'été ☃ 雪 🚀',
  'back\\slash \\n',
  '-leading-dash',
  '*.glob?[a]',
  '~tilde',
  '#hash',
  'semi;colon & amp | pipe > out < in',
  '!bang',
  '',
  ' ',
  "'",
  '"',
  "'\"'\"'",
];

describe('openstack commands through a POSIX shell', () => {
  it.each(names)('gives back %j as one argument', (name) => {
    const argv = ['openstack', 'network', 'create', '--description', `about ${name}`, name];
    expect(shellWords(shellCommand(argv))).toEqual(argv);
  });

  it('keeps several commands apart, one per line', () => {
    const argvs = names.map((name) => ['openstack', 'server', 'set', '--property', `k=${name}`, name]);
    for (const argv of argvs) expect(shellWords(shellCommand(argv))).toEqual(argv);
  });
});

describe('curl commands through a POSIX shell', () => {
  const services = [{ type: 'network', name: 'neutron', url: 'https://cloud.example:9696' }];

  it.each(names)('sends %j in the body and the query string untouched, the token from $OS_TOKEN', (name) => {
    const exchange = httpExchange(
      {
        method: 'POST',
        path: `/api/os/network/v2.0/networks?name=${encodeURIComponent(name)}&raw=${name.replace(/[\s#&]/g, '')}`,
        headers: { 'Content-Type': 'application/json' },
        body: { network: { name, description: `about ${name}` } },
      },
      services,
    );
    const words = shellWords(curlCommand(exchange), { OS_TOKEN: 'gAAAA-token' });
    expect(words).toEqual([
      'curl',
      '-g',
      '-i',
      '-X',
      'POST',
      exchange.url,
      '-H',
      'X-Auth-Token: gAAAA-token',
      '-H',
      'Content-Type: application/json',
      '--data-binary',
      exchange.body,
    ]);
    expect(JSON.parse(words.at(-1)!)).toEqual({ network: { name, description: `about ${name}` } });
  });

  it('leaves the token unset rather than inventing one when $OS_TOKEN is not set', () => {
    const exchange = httpExchange({ method: 'GET', path: '/api/os/network/v2.0/networks', headers: {} }, services);
    expect(shellWords(curlCommand(exchange))).toContain('X-Auth-Token: ');
  });
});
