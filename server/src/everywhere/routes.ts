import express, { type Router } from 'express';
import {
  everywhereContentType,
  everywhereReads,
  type EverywhereLine,
  type EverywhereRead,
} from '../contract/everywhere.js';
import { canonicalServiceType } from '../contract/service-types.js';
import { revokeQuietly } from '../auth/rules.js';
import { ApiError } from '../http/errors.js';
import { requestIdOf } from '../http/request-id.js';
import type { UpstreamClient } from '../http/upstream.js';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import type { KeystoneClient } from '../openstack/keystone.js';
import { endSession, requireAuth } from '../session/session.js';
import { defaultFanOutLimits, planFanOut, runFanOut, type FanOutContext, type FanOutLimits } from './fan-out.js';
import { heldProjectTokens, keepTokens } from '../auth/project-tokens.js';

export interface EverywhereRoutesOptions {
  keystone: KeystoneClient;
  upstream: UpstreamClient;
  endpointInterface: EndpointInterface;
  secureCookies: boolean;
  limits?: Partial<FanOutLimits>;
}

/** The microversion headers a list read passes on, as the proxy does. */
const microversionHeaders = ['openstack-api-version', 'x-openstack-nova-api-version'];
const maxFilterLength = 255;

/**
 * `GET /api/everywhere/<service-type>/<path>?<filters>`: one of the list reads of everywhereReads, across every project
 * the user can scope to and every region whose catalog has the service, streamed as NDJSON (contract/everywhere.ts).
 * Anything else is refused before a call is made: 405 for another method, 404 for another list, 400 for another filter.
 */
export function everywhereRoutes({ keystone, upstream, endpointInterface, secureCookies, limits }: EverywhereRoutesOptions): Router {
  const router = express.Router();
  const fanOutLimits = { ...defaultFanOutLimits, ...limits };

  router.use(async (req, res) => {
    if (req.method !== 'GET') {
      res.set('Allow', 'GET');
      throw new ApiError(405, `${req.method} is not a read across projects`, { code: 'method_not_allowed' });
    }
    const auth = requireAuth(req);
    const { read, query } = parseRead(req.url);
    const requestId = requestIdOf(req);
    const keystoneForRequest = keystone.forRequest(requestId);
    const context: FanOutContext = { keystone: keystoneForRequest, upstream, endpointInterface, limits: fanOutLimits };
    const held = await heldProjectTokens(req);
    const plan = await planFanOut(context, auth, held, read).catch(async (error: unknown) => {
      // Keystone refusing the session's own token to list its projects: the session is over, as for /api/auth/projects.
      if (error instanceof ApiError && error.status === 401) {
        await endSession(req, res, secureCookies);
        throw new ApiError(401, error.message, { requestId: error.requestId, code: 'session_ended' });
      }
      throw error;
    });

    const browserLeft = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) browserLeft.abort();
    });
    res.writeHead(200, { 'content-type': everywhereContentType });
    const started = performance.now();
    let firstResultMs: number | undefined;
    const emit = (line: EverywhereLine) => {
      if (line.kind === 'result') firstResultMs ??= performance.now() - started;
      // A browser that left gets nothing more; the calls it started still finish into the session's token cache.
      if (!res.destroyed) res.write(`${JSON.stringify(line)}\n`);
    };
    const headers = Object.fromEntries(
      microversionHeaders.flatMap((name) => {
        const value = req.get(name);
        return value === undefined ? [] : [[name, value]];
      }),
    );
    const outcome = await runFanOut(context, plan, { auth, held, read, query, headers, requestId, signal: browserLeft.signal, emit });
    await keepTokens(req, auth, outcome, (tokens) =>
      revokeQuietly(
        { keystone: keystoneForRequest, configuredRegion: undefined, onRevokeFailure: (error) => req.log.warn({ err: error }, 'could not revoke a project token') },
        tokens,
      ),
    );
    const elapsedMs = Math.round(performance.now() - started);
    // Written once the tokens are kept, so that a fan-out the SPA starts on seeing it reuses them.
    if (!browserLeft.signal.aborted) emit({ kind: 'end', results: outcome.results, elapsedMs });
    res.end();
    req.log.info(
      {
        everywhere: {
          serviceType: read.serviceType,
          path: read.path,
          projects: plan.projects.length,
          goneProjects: plan.goneProjects.length,
          omittedProjects: plan.omittedProjects,
          regions: plan.regions.length,
          results: outcome.results,
          failures: outcome.failures,
          rescoped: outcome.gained.length,
          firstResultMs: firstResultMs === undefined ? undefined : Math.round(firstResultMs),
          elapsedMs,
          cancelled: browserLeft.signal.aborted,
        },
      },
      'read across projects',
    );
  });

  return router;
}

/** The read the URL names (service type aliases allowed) and its filters, re-encoded; anything else is refused. */
export function parseRead(url: string): { read: EverywhereRead; query: string } {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const [, serviceType = '', ...rest] = path.split('/');
  const wanted = rest.join('/');
  const read = everywhereReads.find((candidate) => candidate.serviceType === canonicalServiceType(serviceType) && candidate.path === wanted);
  if (!read) {
    const known = everywhereReads.map((candidate) => `${candidate.serviceType}/${candidate.path}`).join(', ');
    throw new ApiError(404, `Only these lists can be read across projects: ${known}`, { code: 'not_found' });
  }
  const given = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
  const filters = new URLSearchParams();
  for (const [name, value] of given) {
    if (!read.filters.includes(name)) {
      throw new ApiError(400, `"${name}" is not a filter of ${read.serviceType}/${read.path} across projects (${read.filters.join(', ')})`, {
        code: 'invalid_request',
      });
    }
    if (value.length > maxFilterLength) throw new ApiError(400, `Filter "${name}" is too long`, { code: 'invalid_request' });
    filters.append(name, value);
  }
  const query = filters.toString();
  return { read, query: query ? `?${query}` : '' };
}
