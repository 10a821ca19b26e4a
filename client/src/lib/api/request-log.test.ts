import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { createRequestLog } from './request-log';

describe('request log', () => {
  it('keeps the last calls up to its capacity, oldest dropped first', () => {
    const log = createRequestLog(2);
    for (const path of ['/a', '/b', '/c']) log.start({ service: 'compute', method: 'GET', path, headers: {} });
    expect(log.entries().map((entry) => entry.path)).toEqual(['/b', '/c']);
  });

  it('records how a call ended and tells its subscribers', () => {
    const log = createRequestLog();
    const listener = vi.fn();
    log.subscribe(listener);
    const finish = log.start({ service: 'compute', method: 'GET', path: '/x', headers: {} }, 1000);
    expect(log.entries()[0]?.status).toBeNull();
    finish({ status: 200, requestId: 'req-1' }, 1250);
    expect(log.entries()[0]).toMatchObject({ status: 200, requestId: 'req-1', durationMs: 250 });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('API client logging', () => {
  it('logs method, path with query, the headers that matter, body, status and the service request id; never the CSRF token', async () => {
    const log = createRequestLog();
    const fetchImpl = vi.fn(
      async () => new Response('{"ok":true}', { status: 202, headers: { 'x-openstack-request-id': 'req-abc' } }),
    );
    const client = createApiClient(fetchImpl, log);
    client.setSession({ csrfToken: 'csrf-secret', region: 'RegionOne', projectId: 'p1' });
    await client.post('/api/os/network/v2.0/networks', { network: { name: 'n' } }, { params: { fields: 'id' } });
    const [entry] = log.entries();
    expect(entry).toMatchObject({
      service: 'network',
      method: 'POST',
      path: '/api/os/network/v2.0/networks?fields=id',
      headers: { 'Content-Type': 'application/json' },
      body: { network: { name: 'n' } },
      status: 202,
      requestId: 'req-abc',
    });
    expect(JSON.stringify(log.entries())).not.toContain('csrf-secret');
  });

  it('logs a refused call with its status, message and request id', async () => {
    const log = createRequestLog();
    const fetchImpl = vi.fn(
      async () =>
        new Response(JSON.stringify({ itemNotFound: { code: 404, message: 'Server x could not be found.' } }), {
          status: 404,
          headers: { 'content-type': 'application/json', 'x-openstack-request-id': 'req-404' },
        }),
    );
    const client = createApiClient(fetchImpl, log);
    await expect(client.get('/api/os/compute/servers/x')).rejects.toThrow();
    expect(log.entries()[0]).toMatchObject({ status: 404, requestId: 'req-404', error: 'Server x could not be found.' });
  });
});
