import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorBody } from '../contract/error-body.js';
import { parseErrorBody } from '../contract/openstack-errors.js';
import { headerValue, UpstreamTimeoutError } from './upstream.js';

export interface ErrorDetails {
  requestId?: string;
  code?: string;
  /** What failed inside the BFF's reach (a store's own error): logged, never sent to the browser. */
  cause?: unknown;
}

/** An error that already knows how it should reach the browser. */
export class ApiError extends Error {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly code: string | undefined;

  constructor(status: number, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ApiError';
    this.status = status;
    this.requestId = details.requestId;
    this.code = details.code;
  }
}

export function errorBody(status: number, message: string, details: ErrorDetails = {}): ErrorBody {
  const error: ErrorBody['error'] = { message, status };
  if (details.requestId) error.requestId = details.requestId;
  if (details.code) error.code = details.code;
  return { error };
}

export function sendError(res: Response, error: ApiError): void {
  // A file's handler may have failed after describing the file (its type, its encoding, a year's caching): the error
  // body is none of those.
  res.removeHeader('Content-Encoding');
  res
    .set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    .status(error.status)
    .json(errorBody(error.status, error.message, { requestId: error.requestId, code: error.code }));
}

/** The service's own words in an upstream error answer, whichever shape it used, else the fallback. */
export function upstreamErrorMessage(response: { body: string; headers: IncomingHttpHeaders }, fallback: string): string {
  return parseErrorBody(response.body, headerValue(response.headers, 'content-type')).message ?? fallback;
}

/**
 * The BFF's answer when a service gave none: 504 when it went quiet past the upstream timeout, 502 when it could not
 * be reached or dropped the connection, in words an operator can act on (Node's own, "socket hang up", read like a
 * crash in the BFF).
 */
export function upstreamFailure(service: string, error: unknown): ApiError {
  if (error instanceof UpstreamTimeoutError) {
    return new ApiError(504, `${service} did not answer within ${error.timeoutMs / 1000} s`, { code: 'upstream_timeout' });
  }
  return new ApiError(502, unreachableMessage(service, error), { code: 'upstream_unreachable' });
}

function unreachableMessage(service: string, error: unknown): string {
  if (!(error instanceof Error)) return `${service} is unreachable`;
  const { code } = error as NodeJS.ErrnoException;
  // Node's ECONNRESET before any byte of an answer: the service, or a proxy in front of it, hung up.
  if (error.message === 'socket hang up') return `${service} closed the connection without answering`;
  if (code === 'ECONNRESET') return `${service} reset the connection`;
  if (code === 'ECONNREFUSED') return `${service} is unreachable: connection refused`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${service} is unreachable: its host name does not resolve`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT') return `${service} is unreachable: its host cannot be reached`;
  return `${service} is unreachable: ${error.message}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Last handler of the app: ApiErrors go out as they are; body-parser errors keep their status;
 * anything else is a bug, logged with its stack, and the browser only learns that it happened.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof ApiError) {
    if (error.cause !== undefined) req.log.error({ err: error.cause }, error.message);
    sendError(res, error);
    return;
  }
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    sendError(res, new ApiError(status, error instanceof Error ? error.message : 'Bad request', { code: 'invalid_request' }));
    return;
  }
  req.log.error({ err: error }, 'unhandled error');
  sendError(res, new ApiError(500, 'Internal error in the Zenith server', { code: 'internal' }));
};

function httpStatusOf(error: unknown): number | undefined {
  if (!isRecord(error)) return undefined;
  const status = error.status ?? error.statusCode;
  return typeof status === 'number' ? status : undefined;
}
