import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { startTime } from 'pino-http';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import { openStackRequestIdHeader } from '../contract/request-id.js';
import { ApiError, sendError, upstreamErrorMessage, upstreamFailure } from '../http/errors.js';
import { methodNotAllowed } from '../http/method-not-allowed.js';
import { arrivalOf, requestIdOf } from '../http/request-id.js';
import { upstreamRequestId, UpstreamTimeoutError, type UpstreamClient } from '../http/upstream.js';
import { heldProjectTokens, keepTokens, type ProjectTokenContext } from '../auth/project-tokens.js';
import { revokeQuietly } from '../auth/rules.js';
import type { KeystoneClient } from '../openstack/keystone.js';
import { endSession, requireAuth, type AuthState } from '../session/session.js';
import { isForwardedRequestHeader, returnedHeaders } from './headers.js';
import { parseTargetScope, resolveScopedTarget, targetScopeHeader } from './target-scope.js';
import { resolveProxyTarget, type ProxyTarget } from './target.js';

export const proxyMountPath = '/api/os';

/**
 * Every tab of a browser shares one session. A tab still showing project A while another tab switched the
 * session to project B sends the scope it believes in; answering such a request with B's data would file B's
 * resources under A in that tab's cache, so it is refused instead (409 scope_changed) and the tab catches up.
 */
export const expectedScopeHeader = 'x-zenith-scope';

export function scopeTag(auth: Pick<AuthState, 'project' | 'region'>): string {
  return `${auth.project.id}/${encodeURIComponent(auth.region)}`;
}

/**
 * The methods OpenStack's APIs define. Anything else (TRACE above all: a web server in front of a service may echo
 * the request, X-Auth-Token included, back to the browser) stays here.
 */
const proxiedMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** When one proxied request met its upstream, in performance.now() milliseconds, for the debug log line. */
interface UpstreamTimes {
  /** The upstream request got its socket (a reused one, or a new one still connecting). */
  sent: number;
  reusedConnection: boolean;
  firstByte?: number;
  /** The upstream answer was read to its end. */
  received?: number;
}

export interface OpenStackProxyOptions {
  upstream: UpstreamClient;
  endpointInterface: EndpointInterface;
  secureCookies: boolean;
  /** For calls in another project (X-Zenith-Target-Scope): its token, held or rescoped, is replaced this close to expiry. */
  projectTokens: { keystone: KeystoneClient; renewBeforeMs: number };
}

// An upstream 401 body is a short JSON or HTML error; this bounds what is read of it.
const maxUnauthorizedBodyBytes = 64 * 1024;

/**
 * `/api/os/:serviceType/*` → the session's endpoint for that service, streamed both ways, the token added
 * here and only here. Mounted without any body parser so uploads (images) pass through untouched.
 */
export function openStackProxy({ upstream, endpointInterface, secureCookies, projectTokens }: OpenStackProxyOptions): RequestHandler {
  const targets = new WeakMap<IncomingMessage, ProxyTarget>();
  const targetOf = (req: IncomingMessage): ProxyTarget => {
    const target = targets.get(req);
    if (!target) throw new Error('proxy request without a resolved target');
    return target;
  };
  const upstreamTimes = new WeakMap<IncomingMessage, UpstreamTimes>();

  // http-proxy emits proxyReq once the upstream request has its socket: from the agent's pool when keep-alive worked.
  const proxyReq = (proxyRequest: ClientRequest, req: Request, res: Response) => {
    upstreamTimes.set(req, { sent: performance.now(), reusedConnection: proxyRequest.reusedSocket });
    for (const name of proxyRequest.getHeaderNames()) {
      if (!isForwardedRequestHeader(name)) proxyRequest.removeHeader(name);
    }
    proxyRequest.setHeader('x-auth-token', targetOf(req).token);
    // The service logs the call under this id as its global request id, next to its own.
    proxyRequest.setHeader(openStackRequestIdHeader, requestIdOf(req));
    // Idle time on the socket, both ways, for the whole exchange: an upload or a download is never cut while its
    // bytes flow, only when the service stalls. The error reaches `error` below, which answers 504 (or cuts a
    // response already under way).
    proxyRequest.setTimeout(upstream.timeoutMs, () => proxyRequest.destroy(new UpstreamTimeoutError(upstream.timeoutMs)));
    // A browser that went away (a tab closed, a navigation, a query cancelled) wants no answer: the service's call is
    // dropped with it, instead of holding a socket until the service answers. http-proxy only does so while the
    // browser's request body is still arriving, not once it waits for the answer.
    const abandon = () => {
      if (!res.writableFinished) proxyRequest.destroy();
    };
    if (res.destroyed) abandon();
    else res.once('close', abandon);
  };

  const proxyRes = (proxyResponse: IncomingMessage, req: Request, res: Response) => {
    const target = targetOf(req);
    const times = upstreamTimes.get(req);
    if (times) {
      times.firstByte = performance.now();
      proxyResponse.on('end', () => (times.received = performance.now()));
    }
    if (proxyResponse.statusCode === 401 && target.projectToken) {
      // A project token refused (the role removed since): that project's call fails, the session goes on.
      refuseProjectToken(proxyResponse, req, res, target, projectTokens.keystone).catch((error: unknown) => {
        req.log.error({ err: error }, 'could not drop a refused project token');
        if (error instanceof ApiError && !res.headersSent) sendError(res, error);
        else res.destroy();
      });
      return;
    }
    if (proxyResponse.statusCode === 401) {
      endSessionOnUnauthorized(proxyResponse, req, res, secureCookies).catch((error: unknown) => {
        req.log.error({ err: error }, 'could not end the session after an upstream 401');
        // The session store failing says so (503); the browser tries again and meets the 401 once the store is back.
        if (error instanceof ApiError && !res.headersSent) sendError(res, error);
        else res.destroy();
      });
      return;
    }
    const headers = returnedHeaders(proxyResponse.headers, {
      endpoint: target.endpoint,
      publicPrefix: `${proxyMountPath}/${target.serviceType}`,
    });
    res.writeHead(proxyResponse.statusCode ?? 502, headers);
    // Headers are gone already: a broken upstream stream can only cut the response short.
    proxyResponse.on('error', () => res.destroy());
    proxyResponse.pipe(res);
  };

  const error = (err: Error, req: Request, res: Response | Socket) => {
    const target = targets.get(req);
    req.log.warn({ err, serviceType: target?.serviceType }, 'proxy error');
    // A Socket only for WebSocket upgrades, which the proxy does not enable.
    if (!('headersSent' in res) || res.headersSent) {
      res.destroy();
      return;
    }
    sendError(res, upstreamFailure(target ? serviceLabel(target) : 'The service', err));
  };

  // http-proxy takes one agent per proxy: one for http endpoints and one for https, both keep-alive.
  const proxyThrough = (agent: UpstreamClient['httpAgent']) =>
    createProxyMiddleware<Request, Response>({
      router: (req) => targetOf(req).endpoint,
      pathRewrite: (_path, req) => targetOf(req).upstreamPath,
      changeOrigin: true,
      xfwd: false,
      agent,
      secure: upstream.verify,
      selfHandleResponse: true,
      on: { proxyReq, proxyRes, error },
    });
  /** The target in the scope the call names; a token Keystone issued for it is kept in the session for the next call. */
  const scopedTarget = async (req: Request, auth: AuthState, header: string): Promise<ProxyTarget> => {
    const keystone = projectTokens.keystone.forRequest(requestIdOf(req));
    const context: ProjectTokenContext = { keystone, endpointInterface, renewBeforeMs: projectTokens.renewBeforeMs };
    const scoped = await resolveScopedTarget(req.url, auth, parseTargetScope(header, auth), context, () => heldProjectTokens(req));
    if (scoped.gained) await keepTokens(req, auth, { gained: [scoped.gained], dropped: [] }, revokeWith(req, keystone));
    return scoped.target;
  };

  const viaHttp = proxyThrough(upstream.httpAgent);
  const viaHttps = proxyThrough(upstream.httpsAgent);

  return async (req: Request, res: Response, next: NextFunction) => {
    if (!proxiedMethods.includes(req.method)) {
      throw methodNotAllowed(res, proxiedMethods, `${req.method} is not an OpenStack API method`);
    }
    const auth = requireAuth(req);
    const expectedScope = req.get(expectedScopeHeader);
    const targetScope = req.get(targetScopeHeader);
    if (expectedScope !== undefined && targetScope !== undefined) {
      throw new ApiError(400, 'A call names either the scope its page shows or the scope it acts in, not both', { code: 'invalid_scope' });
    }
    if (expectedScope !== undefined && expectedScope !== scopeTag(auth)) {
      throw new ApiError(409, 'The session now works in another project or region than this page', {
        code: 'scope_changed',
      });
    }
    const target = targetScope === undefined ? resolveProxyTarget(req.url, auth, endpointInterface) : await scopedTarget(req, auth, targetScope);
    targets.set(req, target);
    if (req.log.isLevelEnabled('debug')) res.on('close', () => logTimes(req, res, target, upstreamTimes.get(req)));
    // http-proxy skips its proxyReq hook (token injection, header stripping) for a request carrying `Expect`,
    // as curl and the SDKs send with large uploads. Node has already answered 100-continue to the client.
    delete req.headers.expect;
    void (target.endpoint.startsWith('https:') ? viaHttps : viaHttp)(req, res, next);
  };
}

/**
 * "The network service (127.0.0.1:9696)": which service, and where the BFF looked for it, so that an operator reading
 * "is unreachable: connection refused" knows which daemon to look at. The endpoint is the catalog's, which the
 * session's user can read anyway (/api/auth/catalog).
 */
function serviceLabel(target: ProxyTarget): string {
  return `The ${target.serviceType} service (${new URL(target.endpoint).host})`;
}

const milliseconds = (value: number) => Math.round(value * 10) / 10;

/**
 * One debug line per proxied request: how long the service took (from the socket to the end of its answer, so a new
 * connection's set-up counts as the service's) and what the BFF itself added, i.e. the request's whole time in the
 * BFF (from its arrival, noted by app.ts; else pino-http's clock, in whole milliseconds) less the upstream part.
 */
function logTimes(req: Request, res: Response, target: ProxyTarget, times: UpstreamTimes | undefined): void {
  const now = performance.now();
  const arrival = arrivalOf(req);
  const totalMs = arrival === undefined ? Date.now() - res[startTime] : now - arrival;
  if (!times) {
    req.log.debug({ serviceType: target.serviceType, bffMs: milliseconds(totalMs) }, 'proxied request without an upstream answer');
    return;
  }
  const upstreamMs = (times.received ?? now) - times.sent;
  req.log.debug(
    {
      serviceType: target.serviceType,
      upstream: {
        ms: milliseconds(upstreamMs),
        firstByteMs: times.firstByte === undefined ? undefined : milliseconds(times.firstByte - times.sent),
        reusedConnection: times.reusedConnection,
      },
      bffMs: milliseconds(Math.max(0, totalMs - upstreamMs)),
    },
    'proxied',
  );
}

function revokeWith(req: Request, keystone: KeystoneClient): (tokens: string[]) => Promise<void> {
  return (tokens) =>
    revokeQuietly(
      { keystone, configuredRegion: undefined, onRevokeFailure: (error) => req.log.warn({ err: error }, 'could not revoke a project token') },
      tokens,
    );
}

/**
 * A service refused a project token: the session drops (and revokes) it, and the browser learns the project is not
 * reachable as a 403, which ends nothing. The next call in that project asks Keystone for a new token, or is refused.
 */
async function refuseProjectToken(proxyResponse: IncomingMessage, req: Request, res: Response, target: ProxyTarget, keystone: KeystoneClient): Promise<void> {
  const body = await readBounded(proxyResponse, maxUnauthorizedBodyBytes);
  const auth = requireAuth(req);
  await keepTokens(req, auth, { gained: [], dropped: [target.token] }, revokeWith(req, keystone.forRequest(requestIdOf(req))));
  const requestId = upstreamRequestId(proxyResponse.headers);
  const message = upstreamErrorMessage({ body, headers: proxyResponse.headers }, 'The cloud no longer accepts the token of this project');
  sendError(res, new ApiError(403, message, { requestId, code: 'no_role' }));
}

/** The token is no longer valid upstream: the session is over, and the browser learns why from the service. */
async function endSessionOnUnauthorized(
  proxyResponse: IncomingMessage,
  req: Request,
  res: Response,
  secureCookies: boolean,
): Promise<void> {
  const body = await readBounded(proxyResponse, maxUnauthorizedBodyBytes);
  await endSession(req, res, secureCookies);
  const requestId = upstreamRequestId(proxyResponse.headers);
  const message = upstreamErrorMessage({ body, headers: proxyResponse.headers }, 'The cloud no longer accepts this session');
  sendError(res, new ApiError(401, message, { requestId, code: 'session_ended' }));
}

function readBounded(stream: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
      size += chunk.length;
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
