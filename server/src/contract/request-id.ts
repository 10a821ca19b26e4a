// Request ids join one user action across the browser, the BFF and the OpenStack services.

/** Every OpenStack service returns the id it logged the call under in this header (oslo.middleware request_id). */
export const openStackRequestIdHeader = 'x-openstack-request-id';

/** Nova also sends its request id under its older, compute-only name. */
export const computeRequestIdHeader = 'x-compute-request-id';

/**
 * The id the BFF minted for one browser call, returned to the browser under this header. The BFF also sends
 * it to the services as X-OpenStack-Request-ID, which they log as the global request id next to their own.
 */
export const zenithRequestIdHeader = 'x-zenith-request-id';

/**
 * What oslo.middleware accepts as an inbound global request id (ID_FORMAT in oslo_middleware/request_id.py):
 * `req-` and a lowercase UUID. Anything else is silently dropped by the services.
 */
export const globalRequestIdPattern = /^req-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

/** The service's own request id from a response's headers, whichever of the two names it used. */
export function serviceRequestId(header: (name: string) => string | null | undefined): string | undefined {
  return header(openStackRequestIdHeader) ?? header(computeRequestIdHeader) ?? undefined;
}
