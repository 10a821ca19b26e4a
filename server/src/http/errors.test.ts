import { describe, expect, it } from 'vitest';
import { ApiError, errorBody, openStackErrorMessage } from './errors.js';

describe('errorBody', () => {
  it('builds the contract error shape, leaving out absent details', () => {
    expect(errorBody(404, 'gone')).toEqual({ error: { message: 'gone', status: 404 } });
    expect(errorBody(401, 'no', { requestId: 'req-1', code: 'no_session' })).toEqual({
      error: { message: 'no', status: 401, requestId: 'req-1', code: 'no_session' },
    });
  });

  it('is what an ApiError carries', () => {
    const error = new ApiError(403, 'refused', { code: 'csrf' });
    expect([error.status, error.message, error.code, error.requestId]).toEqual([403, 'refused', 'csrf', undefined]);
  });
});

describe('openStackErrorMessage', () => {
  // Error bodies in the shapes each service's API reference documents.
  it.each([
    ['Keystone', '{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}', 'The request you have made requires authentication.'],
    ['Nova', '{"itemNotFound":{"code":404,"message":"Instance 42 could not be found."}}', 'Instance 42 could not be found.'],
    ['Cinder', '{"badRequest":{"code":400,"message":"Invalid input received"}}', 'Invalid input received'],
    ['Neutron', '{"NeutronError":{"type":"NetworkNotFound","message":"Network n could not be found.","detail":""}}', 'Network n could not be found.'],
    ['Heat', '{"explanation":"The resource could not be found.","code":404,"error":{"message":"The Stack (s) could not be found.","type":"EntityNotFound"},"title":"Not Found"}', 'The Stack (s) could not be found.'],
    ['Placement', '{"errors":[{"status":404,"title":"Not Found","detail":"No resource provider"}]}', 'No resource provider'],
    ['Glance (HTML)', '<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image found with ID x<br /><br /></body></html>', '404 Not Found No image found with ID x'],
    ['an empty body', '', 'fallback'],
  ])('finds the message of %s', (_service, body, expected) => {
    expect(openStackErrorMessage(body, 'fallback')).toBe(expected);
  });
});
