import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, isServiceUnavailable } from './api-error';

describe('apiErrorFromResponse', () => {
  it('takes the request id from x-openstack-request-id, then x-compute-request-id', async () => {
    const fromOpenStack = await apiErrorFromResponse(
      new Response('{"NeutronError": {"message": "No."}}', {
        status: 409,
        headers: { 'content-type': 'application/json', 'x-openstack-request-id': 'req-n' },
      }),
      'network',
    );
    expect(fromOpenStack).toBeInstanceOf(ApiError);
    expect(fromOpenStack).toMatchObject({ status: 409, service: 'network', message: 'No.', requestId: 'req-n' });

    const fromNova = await apiErrorFromResponse(
      new Response('{"conflictingRequest": {"message": "Busy", "code": 409}}', {
        status: 409,
        headers: { 'content-type': 'application/json', 'x-compute-request-id': 'req-c' },
      }),
      'compute',
    );
    expect(fromNova.requestId).toBe('req-c');
  });

  it("keeps the BFF's request id apart from the service's", async () => {
    const error = await apiErrorFromResponse(
      new Response('{"forbidden": {"message": "Policy refuses.", "code": 403}}', {
        status: 403,
        headers: { 'content-type': 'application/json', 'x-openstack-request-id': 'req-nova', 'x-zenith-request-id': 'req-zenith' },
      }),
      'compute',
    );
    expect(error).toMatchObject({ message: 'Policy refuses.', requestId: 'req-nova', zenithRequestId: 'req-zenith' });
  });

  it('falls back to the HTTP status when the body says nothing', async () => {
    const error = await apiErrorFromResponse(new Response('', { status: 502, statusText: 'Bad Gateway' }), 'image');
    expect(error.message).toBe('HTTP 502 Bad Gateway');
    expect(error.requestId).toBeUndefined();
  });
});

describe('isServiceUnavailable', () => {
  it('is a service the BFF could not reach or that went quiet, or a gateway in front of it that said so', () => {
    expect(isServiceUnavailable(new ApiError(502, 'network', 'refused', undefined, 'upstream_unreachable'))).toBe(true);
    expect(isServiceUnavailable(new ApiError(504, 'image', 'quiet', undefined, 'upstream_timeout'))).toBe(true);
    expect(isServiceUnavailable(new ApiError(503, 'volumev3', 'Service Unavailable'))).toBe(true);
  });

  it('is not the BFF’s own trouble, nor a service that answered with an error of its own', () => {
    expect(isServiceUnavailable(new ApiError(503, 'network', 'store', undefined, 'session_store_unavailable'))).toBe(false);
    expect(isServiceUnavailable(new ApiError(502, 'zenith', 'Keystone is unreachable', undefined, 'upstream_unreachable'))).toBe(false);
    expect(isServiceUnavailable(new ApiError(500, 'compute', 'Unexpected API Error.'))).toBe(false);
    expect(isServiceUnavailable(new ApiError(0, 'network', 'Failed to fetch'))).toBe(false);
    expect(isServiceUnavailable(new Error('x'))).toBe(false);
  });
});
