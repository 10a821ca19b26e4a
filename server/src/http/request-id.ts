import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * One id per browser call, in the form oslo.middleware accepts as a global request id (`req-` and a lowercase
 * UUID): the BFF logs it, sends it to every service it calls for that request and returns it to the browser,
 * so the user's error notice, the BFF's log line and the services' log lines can be joined.
 */
export function mintRequestId(): string {
  return `req-${randomUUID()}`;
}

/** The id pino-http gave this request (app.ts has it mint one for every request). */
export function requestIdOf(req: IncomingMessage): string {
  if (typeof req.id !== 'string') throw new Error('request without a minted request id');
  return req.id;
}

const arrivals = new WeakMap<IncomingMessage, number>();

/**
 * Notes when the request reached the BFF on the sub-millisecond clock: pino-http's own start is in whole
 * milliseconds, too coarse for the BFF's own share of a request (about a millisecond).
 */
export function noteArrival(req: IncomingMessage): void {
  arrivals.set(req, performance.now());
}

/** performance.now() when the request arrived, if noteArrival saw it. */
export function arrivalOf(req: IncomingMessage): number | undefined {
  return arrivals.get(req);
}
