import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api/api-error';
import { shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('tries a refused connection twice more, then gives the error to the page', () => {
    const refused = new ApiError(502, 'network', 'refused', undefined, 'upstream_unreachable');
    expect(shouldRetry(0, refused)).toBe(true);
    expect(shouldRetry(1, refused)).toBe(true);
    expect(shouldRetry(2, refused)).toBe(false);
  });

  it('never retries a service that went quiet past the BFF’s upstream timeout, nor a 4xx', () => {
    expect(shouldRetry(0, new ApiError(504, 'network', 'quiet', undefined, 'upstream_timeout'))).toBe(false);
    expect(shouldRetry(0, new ApiError(403, 'network', 'Policy'))).toBe(false);
  });
});
