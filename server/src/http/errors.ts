import type { ErrorRequestHandler, Response } from 'express';

/** The body of every error the BFF itself answers with (see the BFF HTTP contract). */
export interface ErrorBody {
  error: { message: string; status: number; requestId?: string; code?: string };
}

export interface ErrorDetails {
  requestId?: string;
  code?: string;
}

/** An error that already knows how it should reach the browser. */
export class ApiError extends Error {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly code: string | undefined;

  constructor(status: number, message: string, details: ErrorDetails = {}) {
    super(message);
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
  res
    .status(error.status)
    .json(errorBody(error.status, error.message, { requestId: error.requestId, code: error.code }));
}

/**
 * OpenStack services disagree on where they put an error's text: Keystone and keystonemiddleware use
 * `{error:{message}}`, Nova and Cinder `{itemNotFound:{message}}`, Neutron `{NeutronError:{message}}`,
 * Heat `{explanation, error:{message}}`, Placement `{errors:[{detail}]}`, Glance an HTML page. This finds it
 * wherever it is.
 */
export function openStackErrorMessage(body: string, fallback: string): string {
  const trimmed = body.trim();
  if (!trimmed) return fallback;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return plainTextMessage(trimmed) ?? fallback;
  }
  return messageFromJson(parsed) ?? fallback;
}

function messageFromJson(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const text = (candidate: unknown) => (typeof candidate === 'string' && candidate ? candidate : undefined);
  if (text(value.message)) return text(value.message);
  for (const nested of Object.values(value)) {
    if (isRecord(nested) && text(nested.message)) return text(nested.message);
  }
  // Placement and other API-WG style errors: {errors: [{title, detail}]}.
  if (Array.isArray(value.errors) && isRecord(value.errors[0])) {
    return text(value.errors[0].detail) ?? text(value.errors[0].title);
  }
  return text(value.faultstring) ?? text(value.explanation) ?? text(value.title);
}

function plainTextMessage(text: string): string | undefined {
  // webob error pages (Glance, Swift) are small HTML documents; their text is the message.
  const stripped = text
    .replace(/<title>.*?<\/title>/is, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped ? stripped.slice(0, 500) : undefined;
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
