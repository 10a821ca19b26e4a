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

describe('KeystoneClient reading answers it does not expect', () => {
  // The account page's reads answered 500 (a TypeError) when a 200 lacked the member they read.
  it.each(['{}', '{"user":null,"credentials":[null],"credential":{},"projects":{"id":"p"}}', '[]'])(
    'answers 502 upstream_error with the request id for %s',
    async (body) => {
      const keystone = await listen((req, res) => {
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-5d1b' });
        res.end(body);
      });
      const upstream = new UpstreamClient({ verify: true });
      try {
        const client = new KeystoneClient(`${keystone.baseUrl}/v3`, upstream);
        for (const call of [
          client.getUser('t', 'u1'),
          client.listTotpCredentials('t', 'u1'),
          client.createTotpCredential('t', 'u1', 'SECRET'),
          client.listAuthProjects('t'),
        ]) {
          await expect(call).rejects.toMatchObject({ status: 502, code: 'upstream_error', requestId: 'req-5d1b' });
        }
      } finally {
        upstream.close();
        await keystone.close();
      }
    },
  );
});

describe('KeystoneClient reading tokens and receipts it cannot use', () => {
  const expires = new Date(Date.now() + 3_600_000).toISOString();
  const token = { methods: ['password'], user: { id: 'u1', name: 'demo', domain: { id: 'default', name: 'Default' } }, expires_at: expires };
  // Each answered 500 internal (a TypeError reading the token or receipt) before.
  it.each([
    ['a token answer of null', 201, { 'x-subject-token': 'tok' }, 'null'],
    ['a token without its user', 201, { 'x-subject-token': 'tok' }, JSON.stringify({ token: { ...token, user: null } })],
    ['a catalog entry without endpoints', 201, { 'x-subject-token': 'tok' }, JSON.stringify({ token: { ...token, catalog: [{ id: 'c', type: 'compute' }] } })],
    ['a receipt answer of null', 401, { 'openstack-auth-receipt': 'r' }, 'null'],
    ['a receipt without its methods', 401, { 'openstack-auth-receipt': 'r' }, JSON.stringify({ receipt: { user: token.user, expires_at: expires }, required_auth_methods: [['password', 'totp']] })],
  ])('answers 502 upstream_error for %s', async (_name, status, headers, body) => {
    const keystone = await listen((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-5d1b', ...headers });
      res.end(body);
    });
    const upstream = new UpstreamClient({ verify: true });
    try {
      const client = new KeystoneClient(`${keystone.baseUrl}/v3`, upstream);
      await expect(client.passwordLogin({ username: 'demo', password: 'p', userDomain: 'Default' })).rejects.toMatchObject({
        status: 502,
        code: 'upstream_error',
        requestId: 'req-5d1b',
      });
    } finally {
      upstream.close();
      await keystone.close();
    }
  });

  it('reads a token with members it does not know, and endpoints without a region', async () => {
    const catalog = [{ id: 'c', type: 'compute', endpoints: [{ id: 'e', interface: 'public', region_id: null, url: 'http://nova' }] }];
    const keystone = await listen((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-subject-token': 'tok' });
      res.end(JSON.stringify({ token: { ...token, catalog, audit_ids: ['a'], is_domain: false, something_new: {} } }));
    });
    const upstream = new UpstreamClient({ verify: true });
    try {
      const issued = await new KeystoneClient(`${keystone.baseUrl}/v3`, upstream).passwordLogin({ username: 'demo', password: 'p', userDomain: 'Default' });
      expect(issued).toMatchObject({ id: 'tok', token: { audit_ids: ['a'], catalog } });
    } finally {
      upstream.close();
      await keystone.close();
    }
  });
});

describe('a Keystone that gives no answer', () => {
  const credentials = { username: 'demo', password: 'p', userDomain: 'Default' };

  it('says Keystone refused the connection when nothing listens', async () => {
    const upstream = new UpstreamClient({ verify: true });
    try {
      // Port 9 (discard) on loopback: nothing listens there.
      await expect(new KeystoneClient('http://127.0.0.1:9/v3', upstream).passwordLogin(credentials)).rejects.toMatchObject({
        status: 502,
        code: 'upstream_unreachable',
        message: 'Keystone is unreachable: connection refused',
      });
    } finally {
      upstream.close();
    }
  });

  it('says Keystone closed the connection without answering, not "socket hang up"', async () => {
    const keystone = await listen((req) => req.socket.destroy());
    const upstream = new UpstreamClient({ verify: true });
    try {
      await expect(new KeystoneClient(`${keystone.baseUrl}/v3`, upstream).passwordLogin(credentials)).rejects.toMatchObject({
        status: 502,
        code: 'upstream_unreachable',
        message: 'Keystone closed the connection without answering',
      });
    } finally {
      upstream.close();
      await keystone.close();
    }
  });

  it('answers 504 upstream_timeout once Keystone stays silent for the upstream timeout', async () => {
    const keystone = await listen(() => undefined);
    const upstream = new UpstreamClient({ verify: true, timeoutMs: 200 });
    try {
      await expect(new KeystoneClient(`${keystone.baseUrl}/v3`, upstream).passwordLogin(credentials)).rejects.toMatchObject({
        status: 504,
        code: 'upstream_timeout',
        message: 'Keystone did not answer within 0.2 s',
      });
    } finally {
      upstream.close();
      await keystone.close();
    }
  });
});
