import { createServer, STATUS_CODES, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { zenithRequestIdHeader } from '../contract/request-id.js';
import { errorBody } from './errors.js';
import { mintRequestId } from './request-id.js';

/**
 * The BFF's HTTP server. Node's parser refuses malformed requests (CR or LF inside a header, NUL, oversized
 * headers, a method it does not know, conflicting lengths) before Express sees them, and by default answers with
 * an empty 400 or 431, or (CONNECT) closes the socket: here they get the BFF's error body and a request id like
 * every other refusal, and a log line.
 */
export function createHttpServer(app: RequestListener, logger: Logger): Server {
  const server = createServer(app);
  // The answer each connection is sending, so that a refusal is never written into the middle of one.
  const answering = new WeakMap<Duplex, ServerResponse>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    answering.set(req.socket, res);
    res.on('close', () => {
      if (answering.get(req.socket) === res) answering.delete(req.socket);
    });
  });
  // Node ends any request whose body takes over 300 s by default: a multi-GiB image upload can. headersTimeout
  // still bounds slow-header (slowloris) clients.
  server.requestTimeout = 0;

  server.on('clientError', (error: NodeJS.ErrnoException & { reason?: string }, socket: Duplex) => {
    // Nothing to answer on a connection the client already dropped, or one carrying an answer already under way (a
    // malformed request pipelined behind another): there the connection is closed, as Node itself does.
    if (error.code === 'ECONNRESET' || !socket.writable || answering.get(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(error.code);
    const message =
      status === 431
        ? 'The request headers are too large'
        : status === 408
          ? 'The request took too long to arrive'
          : `Malformed HTTP request: ${error.reason ?? error.message}`;
    refuse(socket, status, message, 'malformed_request', logger, error.code);
  });

  // Node answers an Expect it does not know (anything but 100-continue) with an empty 417 unless told otherwise.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = mintRequestId();
    logger.info({ reqId: requestId, status: 417, reason: 'expect' }, 'refused a request before routing');
    const body = JSON.stringify(errorBody(417, `Expect: ${req.headers.expect ?? ''} is not supported`, { code: 'expectation_failed' }));
    res.writeHead(417, { ...refusalHeaders(requestId, body), connection: 'close' });
    res.end(body);
  });

  // A tunnel through the BFF is never on offer (without this listener Node closes the socket without a word).
  server.on('connect', (_req, socket: Duplex) => {
    refuse(socket, 405, 'CONNECT is not supported', 'method_not_allowed', logger, 'CONNECT');
  });

  return server;
}

/** As Node itself would answer (lib/_http_server.js), with a status the error's code calls for. */
function clientErrorStatus(code: string | undefined): number {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

function refusalHeaders(requestId: string, body: string): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    [zenithRequestIdHeader]: requestId,
  };
}

function refuse(socket: Duplex, status: number, message: string, code: string, logger: Logger, reason: string | undefined): void {
  const requestId = mintRequestId();
  logger.info({ reqId: requestId, status, reason }, 'refused a request before routing');
  const body = JSON.stringify(errorBody(status, message, { code }));
  const headers = Object.entries({ ...refusalHeaders(requestId, body), connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${headers.join('')}\r\n${body}`);
}
