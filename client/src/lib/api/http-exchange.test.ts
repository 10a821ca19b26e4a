/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, endpointUrl, httpExchange, requestHeaders, type HttpExchange } from './http-exchange';

const services = [
  { type: 'compute', name: 'nova', url: 'https://cloud.example:8774/v2.1' },
  { type: 'volumev3', name: 'cinderv3', url: 'https://cloud.example:8776/v3/8a6f' },
  { type: 'image', name: 'glance', url: 'https://cloud.example:9292' },
  { type: 'network', name: 'neutron', url: 'https://cloud.example:9696' },
];

/** The words a POSIX shell makes of a command line, as `set --` sees them after expansion. */
function shellWords(line: string, env: Record<string, string> = {}): string[] {
  const out = execFileSync('/bin/sh', ['-c', 'eval "set -- $1"; printf "%s\\0" "$@"', 'sh', line], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
  });
  return out.split('\0').slice(0, -1);
}

describe('endpointUrl', () => {
  it('puts the catalog endpoint in place of the BFF prefix and keeps the query string', () => {
    expect(endpointUrl('/api/os/compute/servers/detail?limit=50&name=a%20b', services)).toBe(
      'https://cloud.example:8774/v2.1/servers/detail?limit=50&name=a%20b',
    );
    expect(endpointUrl('/api/os/network/v2.0/networks', services)).toBe('https://cloud.example:9696/v2.0/networks');
  });

  it('finds a service under the alias the catalog registered it with', () => {
    expect(endpointUrl('/api/os/block-storage/volumes', services)).toBe('https://cloud.example:8776/v3/8a6f/volumes');
  });

  it('leaves the BFF’s own paths and unknown services alone', () => {
    expect(endpointUrl('/api/auth/session', services)).toBe('/api/auth/session');
    expect(endpointUrl('/api/os/orchestration/stacks', services)).toBe('/api/os/orchestration/stacks');
  });
});

describe('httpExchange', () => {
  it('shows the token as $OS_TOKEN, the microversion headers and the body as pretty JSON', () => {
    const exchange = httpExchange(
      {
        method: 'POST',
        path: '/api/os/compute/servers',
        headers: {
          'Content-Type': 'application/json',
          'OpenStack-API-Version': 'compute 2.79',
          'X-OpenStack-Nova-API-Version': '2.79',
        },
        body: { server: { name: 'web' } },
      },
      services,
    );
    expect(exchange).toEqual({
      method: 'POST',
      url: 'https://cloud.example:8774/v2.1/servers',
      headers: [
        ['X-Auth-Token', '$OS_TOKEN'],
        ['Content-Type', 'application/json'],
        ['OpenStack-API-Version', 'compute 2.79'],
        ['X-OpenStack-Nova-API-Version', '2.79'],
      ],
      body: '{\n  "server": {\n    "name": "web"\n  }\n}',
    });
  });

  it('never shows a token, CSRF token or cookie the headers might carry', () => {
    const exchange = httpExchange(
      { method: 'get', path: '/api/os/image/v2/images', headers: { 'X-Auth-Token': 'gAAAAsecret', 'X-CSRF-Token': 'c', Cookie: 'sid=1' } },
      services,
    );
    expect(exchange.method).toBe('GET');
    expect(exchange.headers).toEqual([['X-Auth-Token', '$OS_TOKEN']]);
    expect(JSON.stringify(exchange)).not.toContain('secret');
    expect(exchange.body).toBeUndefined();
  });

  it('keeps Glance’s JSON patch media type', () => {
    const exchange = httpExchange(
      {
        method: 'PATCH',
        path: '/api/os/image/v2/images/1',
        headers: { 'Content-Type': 'application/openstack-images-v2.1-json-patch' },
        body: [{ op: 'add', path: '/os_distro', value: 'debian' }],
      },
      services,
    );
    expect(exchange.headers).toContainEqual(['Content-Type', 'application/openstack-images-v2.1-json-patch']);
    expect(exchange.headers.filter(([name]) => name === 'Content-Type')).toHaveLength(1);
  });

  it('says the body is JSON when the caller did not', () => {
    const exchange = httpExchange({ method: 'PUT', path: '/api/os/network/v2.0/ports/1', headers: {}, body: { port: {} } }, services);
    expect(exchange.headers).toContainEqual(['Content-Type', 'application/json']);
  });
});

describe('curlCommand', () => {
  const nasty = "it's a \"test\" $HOME `id` $(id)\nsecond line été 🚀 \\ !";
  const exchange: HttpExchange = {
    method: 'POST',
    url: "https://cloud.example:9696/v2.0/networks?name=a b&x='y'",
    headers: [
      ['X-Auth-Token', '$OS_TOKEN'],
      ['Content-Type', 'application/json'],
    ],
    body: JSON.stringify({ network: { name: nasty } }, null, 2),
  };

  it('reads as curl with the method, URL, headers and body', () => {
    const command = curlCommand(exchange);
    expect(command.startsWith('curl -g -i -X POST ')).toBe(true);
    expect(command).toContain('-H "X-Auth-Token: $OS_TOKEN"');
  });

  it('gives curl exactly these arguments in a POSIX shell, the token from $OS_TOKEN', () => {
    expect(shellWords(curlCommand(exchange), { OS_TOKEN: 'tok-123' })).toEqual([
      'curl',
      '-g',
      '-i',
      '-X',
      'POST',
      exchange.url,
      '-H',
      'X-Auth-Token: tok-123',
      '-H',
      'Content-Type: application/json',
      '--data-binary',
      exchange.body,
    ]);
  });

  it('sends a GET without -X and a HEAD with --head', () => {
    const get = { method: 'GET', url: 'https://cloud.example:8774/v2.1/servers?all_tenants=1', headers: [['X-Auth-Token', '$OS_TOKEN']] } satisfies HttpExchange;
    expect(shellWords(curlCommand(get), { OS_TOKEN: 't' })).toEqual(['curl', '-g', '-i', get.url, '-H', 'X-Auth-Token: t']);
    expect(shellWords(curlCommand({ ...get, method: 'HEAD' }), { OS_TOKEN: 't' })).toEqual([
      'curl',
      '-g',
      '-i',
      '--head',
      get.url,
      '-H',
      'X-Auth-Token: t',
    ]);
  });
});

describe('requestHeaders', () => {
  it('negotiates the microversion as the client does', () => {
    expect(requestHeaders('compute', { microversion: '2.100' }, { serviceType: 'compute', minMicroversion: '2.1', maxMicroversion: '2.96' })).toEqual({
      'OpenStack-API-Version': 'compute 2.96',
      'X-OpenStack-Nova-API-Version': '2.96',
    });
    expect(requestHeaders('block-storage', { body: {}, microversion: '3.60' }, { serviceType: 'block-storage', minMicroversion: '3.0', maxMicroversion: '3.70' })).toEqual({
      'Content-Type': 'application/json',
      'OpenStack-API-Version': 'volume 3.60',
    });
  });

  it('sends no microversion to a service without any, and the one asked for while versions are unknown', () => {
    expect(requestHeaders('network', { body: {}, microversion: '2.1' }, { serviceType: 'network', version: 'v2.0' })).toEqual({
      'Content-Type': 'application/json',
    });
    expect(requestHeaders('compute', { microversion: '2.79' })).toEqual({
      'OpenStack-API-Version': 'compute 2.79',
      'X-OpenStack-Nova-API-Version': '2.79',
    });
  });

  it('keeps the media type of a JSON patch', () => {
    expect(requestHeaders('image', { body: [], contentType: 'application/openstack-images-v2.1-json-patch' })).toEqual({
      'Content-Type': 'application/openstack-images-v2.1-json-patch',
    });
  });
});
