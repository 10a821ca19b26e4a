import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { serviceRequestId } from '../contract/request-id.js';

export interface UpstreamTls {
  /** PEM bundle trusted for the cloud's endpoints (OS_CACERT / clouds.yaml `cacert`). */
  ca?: string;
  /** clouds.yaml `verify: false` turns certificate checks off (test clouds only). */
  verify: boolean;
}

export interface UpstreamOptions extends UpstreamTls {
  /** ZENITH_UPSTREAM_TIMEOUT_SECONDS: how long a call may go without a byte either way. */
  timeoutMs?: number;
}

export interface UpstreamRequest {
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: string;
  /** Ends the call early (a deadline, a browser that left): the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export const defaultUpstreamTimeoutMs = 60_000;
// A Keystone catalog of a large cloud is a few hundred kB; anything far beyond that is not an API answer.
const maxBodyBytes = 8 * 1024 * 1024;

/**
 * Kept-alive connections to every endpoint, as Node 20's own global agent keeps them: the most recently used socket
 * first (so the busy ones stay warm and the spare ones age out) and an idle one closed after 5 s, or 1 s before the
 * server's own `Keep-Alive: timeout=` if it announces one, so a request is never sent on a connection the server is
 * closing. The agents' timeout only closes idle sockets: a slow answer is still awaited (see `UpstreamClient.timeoutMs`).
 */
const agentOptions = { keepAlive: true, scheduling: 'lifo', timeout: 5000 } as const;

/**
 * The one way the BFF talks to OpenStack. Node's global fetch cannot take a CA bundle without the undici
 * package, so this uses node:http(s) with keep-alive agents that the proxy shares.
 */
export class UpstreamClient {
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
  readonly verify: boolean;
  /**
   * A socket idle timeout, not a deadline: it fires when nothing crossed the connection for this long, so a call is
   * cut when the service stalls, never while an image's bytes are still flowing one way or the other.
   */
  readonly timeoutMs: number;

  constructor(tls: UpstreamOptions) {
    this.verify = tls.verify;
    this.timeoutMs = tls.timeoutMs ?? defaultUpstreamTimeoutMs;
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent({ ...agentOptions, ca: tls.ca, rejectUnauthorized: tls.verify });
  }

  agentFor(url: URL): http.Agent {
    return url.protocol === 'https:' ? this.httpsAgent : this.httpAgent;
  }

  request(url: URL, init: UpstreamRequest = {}): Promise<UpstreamResponse> {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const headers: OutgoingHttpHeaders = { accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body);
    return new Promise((resolve, reject) => {
      const request = send(
        url,
        { method: init.method ?? 'GET', headers, agent: this.agentFor(url), timeout: this.timeoutMs, signal: init.signal },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBodyBytes) {
              response.destroy(new Error(`${url.origin} answered with more than ${maxBodyBytes} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.on('timeout', () => request.destroy(new UpstreamTimeoutError(this.timeoutMs)));
      request.on('error', reject);
      request.end(init.body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** A service went quiet for longer than the upstream timeout: the BFF answers 504 instead of waiting on. */
export class UpstreamTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs / 1000} s`);
    this.name = 'UpstreamTimeoutError';
  }
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The id the service logged the call under (Nova sends it under two names). */
export function upstreamRequestId(headers: IncomingHttpHeaders): string | undefined {
  return serviceRequestId((name) => headerValue(headers, name));
}
