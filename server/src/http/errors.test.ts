import { describe, expect, it } from 'vitest';
import { ApiError, errorBody, upstreamErrorMessage } from './errors.js';

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

describe('upstreamErrorMessage', () => {
  it("finds the service's own words, whichever shape it used", () => {
    const nova = { body: '{"itemNotFound":{"code":404,"message":"Instance 42 could not be found."}}', headers: {} };
    expect(upstreamErrorMessage(nova, 'fallback')).toBe('Instance 42 could not be found.');
    const glance = {
      body: '<html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1>This server could not verify that you are authorized.<br /></body></html>',
      headers: { 'content-type': 'text/html; charset=UTF-8' },
    };
    expect(upstreamErrorMessage(glance, 'fallback')).toBe('This server could not verify that you are authorized.');
  });

  it('falls back when the body says nothing', () => {
    expect(upstreamErrorMessage({ body: '', headers: {} }, 'fallback')).toBe('fallback');
    expect(upstreamErrorMessage({ body: '{}', headers: { 'content-type': 'application/json' } }, 'fallback')).toBe('fallback');
  });
});
