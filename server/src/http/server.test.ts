import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../contract/error-body.js';
import { globalRequestIdPattern, zenithRequestIdHeader } from '../contract/request-id.js';
import {
  listen,
  removeTemporaryDirectories,
  sampleAuth,
  sampleCatalog,
  seedSession,
  startZenith,
  testConfig,
  type RunningZenith,
} from '../testing/harness.js';
import { rawRequest, type RawRequest } from '../testing/raw-http.js';

let running: RunningZenith;
beforeAll(async () => {
  running = await startZenith(testConfig());
});
afterAll(async () => {
  await running.close();
  removeTemporaryDirectories();
});

// Requests Node refuses before Express sees them: they answered an empty 400, 417 or 431, and CONNECT a closed socket.
const refused: [string, RawRequest, number][] = [
  ['NUL in a header value', { method: 'GET', target: '/api/auth/session', headers: [['X-Test', 'a\0b']] }, 400],
  ['a bare CR in a header value', { method: 'GET', target: '/api/auth/session', headers: [['X-Zenith-Scope', 'a\rb']] }, 400],
  ['headers over 16 kB', { method: 'GET', target: '/api/auth/session', headers: [['X-Test', 'a'.repeat(20_000)]] }, 431],
  ['a method HTTP does not know', { method: 'FROB', target: '/api/auth/session' }, 400],
  ['a raw byte above 0x7f in the path', { method: 'GET', target: '/api/os/compute/s\xe9rvers' }, 400],
  ['both Content-Length and Transfer-Encoding', { method: 'POST', target: '/api/auth/logout', headers: [['Content-Length', '5'], ['Transfer-Encoding', 'chunked']], body: '0\r\n\r\n' }, 400],
  ['CONNECT', { method: 'CONNECT', target: '127.0.0.1:22' }, 405],
  ['an Expect other than 100-continue', { method: 'POST', target: '/api/auth/login', headers: [['Expect', 'nothing-we-know']], body: '{}' }, 417],
];

describe('requests refused before routing', () => {
  it.each(refused)('answers %s with the error body and a request id', async (_name, request, status) => {
    const response = await rawRequest(running.baseUrl, request);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers[zenithRequestIdHeader]).toMatch(globalRequestIdPattern);
    const body = ErrorBody.parse(JSON.parse(response.body));
    expect(body.error.status).toBe(status);
    expect(body.error.message).not.toBe('');
  });
});

describe('a malformed request pipelined behind an answer under way', () => {
  it('closes the connection rather than writing its refusal into that answer', async () => {
    // A service that sends its headers and the start of its body, then the rest later.
    const service = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"part":');
      setTimeout(() => res.end('1}'), 300);
    });
    const zenith = await startZenith(testConfig());
    try {
      const cookie = await seedSession(zenith.sessions, sampleAuth({ catalog: sampleCatalog(`${service.baseUrl}/v2.1`) }), 'c');
      const { port } = new URL(zenith.baseUrl);
      const received = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1');
        let text = '';
        socket.on('data', (chunk: Buffer) => {
          // The proxied answer has begun: now a request Node's parser refuses, on the same connection.
          if (!text) socket.write('GET /x HTTP/1.1\r\nX-Test: a\0b\r\n\r\n');
          text += chunk.toString('latin1');
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(text));
        socket.write(`GET /api/os/compute/servers HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\n\r\n`);
      });
      expect(received).toMatch(/^HTTP\/1\.1 200 /);
      expect(received).not.toContain('HTTP/1.1 400');
    } finally {
      await zenith.close();
      await service.close();
    }
  });
});
