// One error type for every failed call, whatever shape the failing service used for its body, so the UI can
// always show the service's own words and the request ids an operator needs to find the call in the logs.
import { parseErrorBody } from '@contract/openstack-errors';
import { serviceRequestId, zenithRequestIdHeader } from '@contract/request-id';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the request never got an answer (network down, BFF not running). */
    readonly status: number,
    /** OpenStack service type the call went to, or "zenith" for the BFF's own endpoints. */
    readonly service: string,
    message: string,
    /** The id the service logged the call under. */
    readonly requestId?: string,
    /** The BFF's machine-readable reason (no_session, session_ended, csrf...), when it gave one. */
    readonly code?: string,
    /** The id the BFF logged the call under, and sent to the services as their global request id. */
    readonly zenithRequestId?: string,
  ) {
    super(message);
  }
}

/** Builds the ApiError for a failed response; reads the body, so call it once per response. */
export async function apiErrorFromResponse(response: Response, service: string): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const parsed = parseErrorBody(text, response.headers.get('content-type'));
  const message = parsed.message ?? `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new ApiError(
    response.status,
    service,
    message,
    serviceRequestId((name) => response.headers.get(name)) ?? parsed.requestId,
    parsed.code,
    response.headers.get(zenithRequestIdHeader) ?? undefined,
  );
}

/** What the BFF says when it got no answer from the service (server/src/http/errors.ts upstreamFailure). */
const upstreamFailureCodes = new Set(['upstream_unreachable', 'upstream_timeout']);

/**
 * The service itself is away (stopped, restarting, overloaded): the BFF could not reach it or it went quiet (502,
 * 504 with the BFF's upstream_* code), or a gateway in front of it answered 502/503/504 (no BFF code). Not the BFF's
 * own trouble, such as its session store (503 session_store_unavailable): that one is Zenith's, whatever the path.
 */
export function isServiceUnavailable(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.service === 'zenith') return false;
  if (error.status !== 502 && error.status !== 503 && error.status !== 504) return false;
  return error.code === undefined || upstreamFailureCodes.has(error.code);
}
