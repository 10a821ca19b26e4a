import { describe, expect, it } from 'vitest';
import { isForwardedRequestHeader, returnedHeaders, rewriteLocation } from './headers.js';

const mount = { endpoint: 'http://nova.example:8774/v2.1', publicPrefix: '/api/os/compute' };

describe('rewriteLocation', () => {
  it('maps a URL inside the endpoint to the BFF path, query included', () => {
    expect(rewriteLocation('http://nova.example:8774/v2.1/servers/42?x=1', mount)).toBe('/api/os/compute/servers/42?x=1');
    expect(rewriteLocation('http://nova.example:8774/v2.1', mount)).toBe('/api/os/compute');
  });

  it('resolves relative locations against the endpoint', () => {
    expect(rewriteLocation('/v2.1/servers/42', mount)).toBe('/api/os/compute/servers/42');
    expect(rewriteLocation('servers/42', mount)).toBe('/api/os/compute/servers/42');
  });

  it('drops locations outside the endpoint', () => {
    expect(rewriteLocation('http://evil.example/v2.1/servers', mount)).toBeUndefined();
    expect(rewriteLocation('https://nova.example:8774/v2.1/servers', mount)).toBeUndefined();
    expect(rewriteLocation('http://nova.example:8774/v2.10/servers', mount)).toBeUndefined();
    expect(rewriteLocation('http://nova.example:8774/', mount)).toBeUndefined();
    expect(rewriteLocation('/v2.1/../secret', mount)).toBeUndefined();
  });
});

describe('header allow-lists', () => {
  it('forwards content and microversion headers, nothing that authenticates the browser', () => {
    for (const name of ['Content-Type', 'accept', 'openstack-api-version', 'X-OpenStack-Nova-API-Version', 'if-match', 'range']) {
      expect(isForwardedRequestHeader(name)).toBe(true);
    }
    for (const name of ['cookie', 'authorization', 'x-auth-token', 'x-csrf-token', 'origin', 'referer', 'x-forwarded-for', 'accept-encoding', 'x-subject-token']) {
      expect(isForwardedRequestHeader(name)).toBe(false);
    }
  });

  it('returns only allow-listed response headers', () => {
    const headers = returnedHeaders(
      {
        'content-type': 'application/json',
        'content-length': '12',
        'x-openstack-request-id': 'req-1',
        'openstack-api-version': 'compute 2.96',
        vary: 'OpenStack-API-Version',
        'set-cookie': ['upstream=1'],
        'x-subject-token': 'gAAAAA-leak',
        server: 'Apache',
        'www-authenticate': 'Keystone uri="http://keystone"',
        location: 'http://nova.example:8774/v2.1/servers/1',
      },
      mount,
    );
    expect(headers).toEqual({
      'content-type': 'application/json',
      'content-length': '12',
      'x-openstack-request-id': 'req-1',
      'openstack-api-version': 'compute 2.96',
      vary: 'OpenStack-API-Version',
      location: '/api/os/compute/servers/1',
    });
  });
});
