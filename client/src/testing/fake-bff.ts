// A stand-in for the BFF in page tests: `fetch` answered from a table keyed by method and path (the query string is
// the handler's to read), with the calls it got, so a page runs its real data code without a network.
import sessionDemo from './fixtures/session-demo.json';
import versionsCompute from './fixtures/versions-compute.json';
import versionsIdentity from './fixtures/versions-identity.json';
import versionsImage from './fixtures/versions-image.json';
import versionsNetwork from './fixtures/versions-network.json';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BffRequest {
  method: Method;
  url: URL;
  body: unknown;
  headers: Headers;
  /** The caller's signal: a held answer can fail as fetch does when its caller gives up. */
  signal?: AbortSignal;
}

export type Responder = (request: BffRequest) => Response | Promise<Response>;

/** A JSON body or a Response (sent again as a copy), or a function making the answer from the request. */
export type Answer = Responder | Response | object;

/** A service's refusal as captured: its status, body (JSON, or Glance's HTML as a string) and request id (fixtures/error-*.json). */
export interface CapturedError {
  status: number;
  requestId: string;
  body: unknown;
}

export function openstackError({ status, requestId, body }: CapturedError): Response {
  const headers = { 'x-openstack-request-id': requestId };
  if (typeof body === 'string') return new Response(body, { status, headers: { ...headers, 'content-type': 'text/html; charset=UTF-8' } });
  return Response.json(body, { status, headers });
}

function respond(answer: Answer, request: BffRequest): Response | Promise<Response> {
  if (typeof answer === 'function') return (answer as Responder)(request);
  return answer instanceof Response ? answer.clone() : Response.json(answer);
}

export class FakeBff {
  private readonly answers = new Map<string, Answer[]>();
  private fallback: Answer | undefined;
  /** Every call, in order. */
  readonly requests: BffRequest[] = [];

  constructor(session: unknown = sessionDemo) {
    // The session ends an hour from now: a captured one would have expired, and the page would ask again and again.
    this.on('GET', '/api/auth/session', { ...(session as object), expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    this.on('GET', '/api/versions/compute', versionsCompute);
    this.on('GET', '/api/versions/network', versionsNetwork);
    this.on('GET', '/api/versions/image', versionsImage);
    this.on('GET', '/api/versions/identity', versionsIdentity);
  }

  /**
   * Answers `method path` with these answers in turn; the last one repeats. Replaces what the path answered before.
   * An answer that is not a Response or a function is sent as JSON with status 200.
   */
  on(method: Method, path: string, ...answers: [Answer, ...Answer[]]): this {
    this.answers.set(`${method} ${path}`, answers);
    return this;
  }

  /** Answers every call no `on` covers (by default a 404 that names the call). */
  otherwise(answer: Answer): this {
    this.fallback = answer;
    return this;
  }

  /** The calls made to `method path`, in order. */
  calls(method: Method, path: string): BffRequest[] {
    return this.requests.filter((request) => request.method === method && request.url.pathname === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://zenith.test');
    const method = (init?.method ?? 'GET') as Method;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, url, body, headers: new Headers(init?.headers), signal: init?.signal ?? undefined };
    this.requests.push(request);
    const queue = this.answers.get(`${method} ${url.pathname}`);
    if (!queue) {
      if (this.fallback !== undefined) return respond(this.fallback, request);
      return Response.json({ error: { message: `The fake BFF has no answer for ${method} ${url.pathname}`, status: 404 } }, { status: 404 });
    }
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    return respond(answer, request);
  };
}

/** An answer that waits until the test releases it: what the page shows while a request is in flight. */
export function heldAnswer() {
  let release!: (response: Response) => void;
  const response = new Promise<Response>((resolve) => {
    release = resolve;
  });
  const answer: Responder = () => response;
  return { answer, release };
}
