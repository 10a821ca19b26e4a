// A service that stalls, trickles or loses its client: a loopback stand-in endpoint whose open sockets are counted.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../contract/error-body.js';
import {
  json,
  LogCapture,
  removeTemporaryDirectories,
  sampleAuth,
  sampleCatalog,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningZenith,
} from '../testing/harness.js';

const trickleChunks = 8;
const trickleEveryMs = 100;

/**
 * `/hang` never answers; `/trickle` answers at once and sends its body a chunk at a time; `/upload` reads the whole
 * body before it answers with its length. Every socket it was given is counted until it closes.
 */
async function standInService() {
  const open = new Set<Socket>();
  const hanging: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    if (req.url?.endsWith('/hang')) {
      hanging.forEach((notify) => notify());
      return;
    }
    if (req.url?.endsWith('/trickle')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      let sent = 0;
      const timer = setInterval(() => {
        res.write(Buffer.alloc(1024, sent));
        if (++sent === trickleChunks) {
          clearInterval(timer);
          res.end();
        }
      }, trickleEveryMs);
      return;
    }
    let size = 0;
    req.on('data', (chunk: Buffer) => (size += chunk.length));
    req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ size })));
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    openSockets: () => open.size,
    /** Resolves once a request to /hang has reached the service. */
    nextHang: () => new Promise<void>((resolve) => hanging.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

type StandIn = Awaited<ReturnType<typeof standInService>>;
let service: StandIn | undefined;
let zenith: RunningZenith | undefined;

afterEach(async () => {
  await zenith?.close();
  await service?.close();
  zenith = service = undefined;
  removeTemporaryDirectories();
});

async function start(upstreamTimeoutMs: number) {
  service = await standInService();
  const config = testConfig();
  config.server.upstreamTimeoutMs = upstreamTimeoutMs;
  config.server.logLevel = 'info';
  const logs = new LogCapture();
  zenith = await startZenith(config, logs);
  const browser = new TestBrowser(zenith.baseUrl);
  browser.cookie = await seedSession(zenith.sessions, sampleAuth({ catalog: sampleCatalog(`${service.baseUrl}/v2.1`) }), 'c');
  browser.csrfToken = 'c';
  return { service, zenith, browser, logs };
}

describe('upstream timeout', () => {
  it('answers 504 upstream_timeout naming the service when it stays silent past the timeout', async () => {
    const { browser, service } = await start(300);
    const started = Date.now();
    const response = await browser.send('/api/os/compute/servers/hang');
    expect(response.status).toBe(504);
    expect(json<ErrorBody>(response).error).toEqual({
      status: 504,
      code: 'upstream_timeout',
      message: `The compute service (${new URL(service.baseUrl).host}) did not answer within 0.3 s`,
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('is idle time, not total time: a download whose bytes keep coming arrives whole after several timeouts', async () => {
    const { browser } = await start(300);
    const response = await browser.send('/api/os/compute/servers/trickle');
    expect(response.status).toBe(200);
    expect(response.bytes.length).toBe(trickleChunks * 1024);
  });

  it('is idle time, not total time: an upload whose bytes keep coming reaches the service whole', async () => {
    const { zenith, browser } = await start(300);
    const { hostname, port } = new URL(zenith.baseUrl);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = http.request(
        {
          hostname,
          port,
          method: 'PUT',
          path: '/api/os/compute/servers/upload',
          headers: { cookie: browser.cookie, 'x-csrf-token': 'c', 'content-type': 'application/octet-stream' },
          agent: false,
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      outgoing.on('error', reject);
      let sent = 0;
      const timer = setInterval(() => {
        outgoing.write(Buffer.alloc(1024));
        if (++sent === trickleChunks) {
          clearInterval(timer);
          outgoing.end();
        }
      }, trickleEveryMs);
    });
    expect(answer).toEqual({ status: 201, body: JSON.stringify({ size: trickleChunks * 1024 }) });
  });
});

describe('a browser that goes away', () => {
  it('aborts the upstream request: the service is left with no open socket', async () => {
    const { service, zenith, browser, logs } = await start(60_000);
    expect(service.openSockets()).toBe(0);
    const { hostname, port } = new URL(zenith.baseUrl);
    const reached = service.nextHang();
    const outgoing = http.request({ hostname, port, path: '/api/os/compute/servers/hang', headers: { cookie: browser.cookie }, agent: false });
    outgoing.on('error', () => undefined); // the socket hang up this test causes
    outgoing.end();
    await reached;
    expect(service.openSockets()).toBe(1);

    outgoing.destroy();
    // Well inside the 60 s timeout: only the disconnect can have closed it.
    await vi.waitFor(() => expect(service.openSockets()).toBe(0), { timeout: 2000 });
    // A cancelled call is the browser's choice, not a fault of the service.
    expect(logs.text).not.toContain('proxy error');
  });
});
