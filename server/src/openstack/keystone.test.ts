import { describe, expect, it } from 'vitest';
import { mintRequestId } from '../http/request-id.js';
import { UpstreamClient, type UpstreamResponse } from '../http/upstream.js';
import { listen } from '../testing/harness.js';
import { KeystoneClient, keystoneError } from './keystone.js';

const unauthorized = '{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}';

function response(status: number, body: string, headers: UpstreamResponse['headers'] = {}): UpstreamResponse {
  return { status, body, headers: { 'x-openstack-request-id': 'req-5d1b', ...headers } };
}

describe('keystoneError', () => {
  it('keeps Keystone\'s 401, message and request id', () => {
    expect(keystoneError(response(401, unauthorized))).toMatchObject({
      status: 401,
      message: 'The request you have made requires authentication.',
      requestId: 'req-5d1b',
      code: 'unauthorized',
    });
  });

  it('recognises a multi-factor receipt', () => {
    const error = keystoneError(response(401, unauthorized, { 'openstack-auth-receipt': 'receipt' }));
    expect(error).toMatchObject({ status: 401, code: 'mfa_required' });
    expect(JSON.stringify(error)).not.toContain('receipt"');
  });

  it('passes client errors through and turns server errors into 502', () => {
    expect(keystoneError(response(400, '{"error":{"code":400,"message":"Invalid input","title":"Bad Request"}}'))).toMatchObject({
      status: 400,
      message: 'Invalid input',
    });
    expect(keystoneError(response(503, 'Service Unavailable'))).toMatchObject({ status: 502, code: 'upstream_error' });
  });
});

describe('KeystoneClient', () => {
  it('sends the id of the browser call it serves, which Keystone logs as its global request id', async () => {
    const seen: (string | string[] | undefined)[] = [];
    const keystone = await listen((req, res) => {
      seen.push(req.headers['x-openstack-request-id']);
      res.writeHead(204).end();
    });
    const upstream = new UpstreamClient({ verify: true });
    try {
      const client = new KeystoneClient(`${keystone.baseUrl}/v3`, upstream);
      const requestId = mintRequestId();
      await client.revoke('a-token');
      await client.forRequest(requestId).revoke('a-token');
      expect(seen).toEqual([undefined, requestId]);
    } finally {
      upstream.close();
      await keystone.close();
    }
  });
});
