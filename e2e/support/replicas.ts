// Several BFF processes sharing sessions through the test Redis (e2e/cloud/redis), behind a round-robin proxy
// written here: the smallest stand-in for an operator's load balancer.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { localCloud } from './cloud';

const root = new URL('../../', import.meta.url).pathname;
const artifacts = new URL('../artifacts/', import.meta.url).pathname;
const redisUrlFile = new URL('../cloud/.state/redis-url', import.meta.url).pathname;

export function testRedisUrl(): string {
  if (!existsSync(redisUrlFile)) throw new Error(`No test Redis (${redisUrlFile}): run \`bash e2e/cloud/redis up\``);
  return readFileSync(redisUrlFile, 'utf8').trim();
}

/** Replicas must sign cookies with one secret: the one each would generate for itself differs. */
const sharedSecret = randomBytes(32).toString('base64url');

export interface Replica {
  readonly name: string;
  readonly url: string;
  /** The API paths of the requests this process logged, in order. */
  apiRequests(): string[];
  /** Resolves once its log shows this message. */
  logged(message: string): Promise<void>;
  /** SIGTERM, as an orchestrator stops a replica; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** `node server/dist/index.js` as the e2e's own BFF runs (playwright.config's webServer), with sessions in Redis. */
export async function startReplica(name: string, port = 0): Promise<Replica> {
  const child: ChildProcess = spawn(process.execPath, ['server/dist/index.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      ZENITH_PORT: String(port),
      ZENITH_HOST: '127.0.0.1',
      ZENITH_STATE_DIR: `${artifacts}replica-${name}-state`,
      OS_CLIENT_CONFIG_FILE: localCloud.cloudsYaml,
      OS_CLOUD: 'zenith-demo',
      ZENITH_SESSION_REDIS_URL: testRedisUrl(),
      ZENITH_SESSION_SECRET: sharedSecret,
      // info: one line per request, which is how the spec sees where requests landed.
      ZENITH_LOG_LEVEL: 'info',
      ZENITH_SHUTDOWN_DRAIN_SECONDS: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting: { message: string; resolve: () => void }[] = [];
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wait of waiting.filter(({ message }) => output.includes(message))) wait.resolve();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const logged = (message: string) =>
    output.includes(message) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ message, resolve }));

  const started = await Promise.race([logged('Zenith listening on ').then(() => true), exited.then(() => false)]);
  if (!started) throw new Error(`replica ${name} did not start:\n${output}`);
  const listening = /Zenith listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1] ?? '';
  return {
    name,
    url: listening,
    apiRequests: () =>
      output
        .split('\n')
        .filter((line) => line.includes('"responseTime"'))
        .map((line) => (JSON.parse(line) as { req: { url: string } }).req.url)
        .filter((url) => url.startsWith('/api/')),
    logged,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface RoundRobin {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Sends each request to the next replica in turn. A replica that refuses the connection (stopped) is skipped for
 * that request, as a load balancer's health check would take it out: nothing of the request reached it, so trying
 * the next one is safe even for a POST.
 */
export async function roundRobin(replicas: () => Replica[]): Promise<RoundRobin> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), replicas().length));
  });

  function forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, triesLeft: number) {
    const targets = replicas();
    const target = new URL(targets[next++ % targets.length]?.url ?? 'http://127.0.0.1:9');
    const upstream = http.request(
      // One connection per request, so that consecutive requests of one browser connection can go to different replicas.
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, connection: 'close' }, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && triesLeft > 1) return forward(req, res, body, triesLeft - 1);
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    upstream.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
