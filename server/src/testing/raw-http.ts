// A request written byte for byte on a TCP socket. node:http's client refuses what a hostile client sends (CR or LF
// in a header, NUL, a method it does not know, invalid bytes in the path), so the BFF's defences against those
// bytes can only be tested from a socket.
import { connect } from 'node:net';
import type { TestResponse } from './harness.js';

export interface RawRequest {
  method: string;
  /** The request target exactly as sent: no encoding or normalisation. */
  target: string;
  /** Header lines as sent (name and value joined by ": "), so a value may hold CR, LF or NUL. */
  headers?: readonly (readonly [string, string | Buffer])[];
  body?: Buffer | string;
}

/** Sends the request with `Connection: close` and reads the answer to the socket's end (or a timeout). */
export function rawRequest(baseUrl: string, request: RawRequest, timeoutMs = 10_000): Promise<TestResponse> {
  const { hostname, port } = new URL(baseUrl);
  const lines: Buffer[] = [Buffer.from(`${request.method} ${request.target} HTTP/1.1\r\n`, 'latin1')];
  const headers = request.headers ?? [];
  const has = (name: string) => headers.some(([header]) => header.toLowerCase() === name);
  if (!has('host')) lines.push(Buffer.from(`Host: ${hostname}:${port}\r\n`));
  for (const [name, value] of headers) {
    lines.push(Buffer.from(`${name}: `, 'latin1'), typeof value === 'string' ? Buffer.from(value, 'latin1') : value, Buffer.from('\r\n'));
  }
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
  if (body !== undefined && !has('content-length') && !has('transfer-encoding')) {
    lines.push(Buffer.from(`Content-Length: ${body.length}\r\n`));
  }
  lines.push(Buffer.from('Connection: close\r\n\r\n'));
  if (body !== undefined) lines.push(body);

  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server may answer and close before it read the whole body (a 413, a 431): what it answered counts.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') {
        clearTimeout(timer);
        reject(error);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    // write, not end: Node's server takes a client's half-close as an abort of the requests still running.
    socket.write(Buffer.concat(lines));
  });
}

/** An HTTP/1.1 answer read to the connection's end: the status, the headers (lower-case), the body (de-chunked). */
export function parseResponse(raw: Buffer): TestResponse {
  // A 100 Continue (the client sent Expect) comes before the answer.
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw.subarray(0, 13).toString('latin1'))) raw = raw.subarray(raw.indexOf('\r\n\r\n') + 4);
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd === -1) throw new Error(`not an HTTP answer: ${JSON.stringify(raw.subarray(0, 200).toString('latin1'))}`);
  const [statusLine = '', ...headerLines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string | string[]> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = headers[name];
    if (name === 'set-cookie') headers[name] = [...(Array.isArray(previous) ? previous : []), value];
    else headers[name] = previous === undefined ? value : `${String(previous)}, ${value}`;
  }
  // Only the first answer's body: CR LF in a header may have split the bytes sent into a second request, answered too.
  let bytes = raw.subarray(headEnd + 4);
  if (headers['transfer-encoding'] === 'chunked') bytes = dechunk(bytes);
  else if (typeof headers['content-length'] === 'string') bytes = bytes.subarray(0, Number(headers['content-length']));
  return { status, headers, body: bytes.toString('utf8'), bytes };
}

function dechunk(chunked: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = chunked.indexOf('\r\n', offset);
    if (lineEnd === -1) break;
    const size = parseInt(chunked.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(chunked.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
