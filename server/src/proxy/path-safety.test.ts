import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.js';
import { sampleAuth, sampleProjectId } from '../testing/harness.js';
import { resolveProxyTarget } from './target.js';
import { checkProxyPath } from './path-safety.js';

describe('checkProxyPath', () => {
  it.each([
    '',
    '/',
    '/servers',
    '/servers/detail',
    '/v2.0/networks/',
    '/servers/abc%20def',
    '/images/name%3Awith%3Acolon',
    '/v2/images/.hidden-is-a-name',
    '/a..b/c...',
  ])('accepts %j', (path) => {
    expect(checkProxyPath(path)).toEqual({ safe: true });
  });

  it.each([
    ['/..', 'dot segment'],
    ['/servers/../../etc/passwd', 'dot segment'],
    ['/./servers', 'single dot segment'],
    ['/%2e%2e/secret', 'encoded dots'],
    ['/%2E%2e/secret', 'mixed-case encoded dots'],
    ['/.%2e/secret', 'half-encoded dots'],
    ['/servers%2f..%2fsecret', 'encoded slash'],
    ['/servers%2F..', 'upper-case encoded slash'],
    ['/%252e%252e/secret', 'double-encoded dots'],
    ['/servers%252f..', 'double-encoded slash'],
    ['/servers\\..\\secret', 'backslash'],
    ['/servers%5c..%5csecret', 'encoded backslash'],
    ['//evil.example/servers', 'protocol-relative URL'],
    ['/http://evil.example/', 'absolute URL'],
    ['http://evil.example/servers', 'absolute-form request target'],
    ['servers', 'relative path'],
    ['/servers/%00', 'NUL'],
    ['/servers/%0d%0aX-Injected:%20yes', 'CRLF'],
    ['/servers/%E0%A4%A', 'malformed encoding'],
  ])('refuses %j (%s)', (path) => {
    expect(checkProxyPath(path).safe).toBe(false);
  });
});

describe('resolveProxyTarget', () => {
  const auth = sampleAuth();

  it('maps /<type>/<path>?<query> onto the catalog endpoint', () => {
    expect(resolveProxyTarget('/compute/servers/detail?limit=10&name=a%20b', auth, 'public')).toEqual({
      serviceType: 'compute',
      endpoint: 'http://compute.example:8774/v2.1',
      upstreamPath: '/servers/detail?limit=10&name=a%20b',
      token: auth.token,
    });
  });

  it('serves the block-storage alias from the volumev3 endpoint', () => {
    expect(resolveProxyTarget('/block-storage/volumes', auth, 'public')).toMatchObject({
      serviceType: 'block-storage',
      endpoint: `http://volume.example:8776/v3/${sampleProjectId}`,
      upstreamPath: '/volumes',
    });
  });

  it('uses the session region', () => {
    const other = sampleAuth({ region: 'RegionTwo' });
    expect(resolveProxyTarget('/image/v2/images', other, 'public').endpoint).toBe('http://image.example:9292');
    const nowhere = sampleAuth({ region: 'RegionNine' });
    expect(() => resolveProxyTarget('/image/v2/images', nowhere, 'public')).toThrow(ApiError);
  });

  it('answers 404 for a service the catalog lacks and for names that are not service types', () => {
    for (const url of ['/orchestration/stacks', '/Compute/servers', '/com pute/x', '/']) {
      const error = catching(() => resolveProxyTarget(url, auth, 'public'));
      expect(error).toMatchObject({ status: 404, code: 'unknown_service' });
    }
  });

  it('answers 400 for paths leaving the endpoint, including through the service segment', () => {
    for (const url of ['/compute/../identity/v3', '/compute/%2e%2e/x', '/../auth/session', '/compute//evil', '/compute/a%2fb']) {
      const error = catching(() => resolveProxyTarget(url, auth, 'public'));
      expect(error).toMatchObject({ status: 400, code: 'unsafe_path' });
    }
  });

  it('does not inspect the query string as a path', () => {
    expect(resolveProxyTarget('/compute/servers?name=..%2f', auth, 'public').upstreamPath).toBe('/servers?name=..%2f');
  });
});

function catching(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
