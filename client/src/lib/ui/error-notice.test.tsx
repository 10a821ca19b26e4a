// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { ErrorNotice } from './error-notice';

afterEach(cleanup);

describe('ErrorNotice', () => {
  it("shows the service's message, the service, and the request id", () => {
    render(<ErrorNotice error={new ApiError(403, 'compute', 'Policy does not allow it.', 'req-42')} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Not allowed');
    expect(alert.textContent).toContain('Compute 403');
    expect(screen.getByTestId('error-message').textContent).toBe('Policy does not allow it.');
    expect(screen.getByTestId('error-request-id').textContent).toBe('req-42');
    expect(screen.getByRole('button', { name: 'Copy request ID' })).toBeTruthy();
  });

  it('explains a request that got no answer', () => {
    render(<ErrorNotice error={new ApiError(0, 'zenith', 'Failed to fetch')} />);
    expect(screen.getByTestId('error-message').textContent).toMatch(/did not answer/);
    expect(screen.queryByTestId('error-request-id')).toBeNull();
  });

  it("shows the BFF's request id next to the service's, which the service logged as its global request id", () => {
    const error = new ApiError(409, 'network', 'Port in use.', 'req-service', undefined, 'req-zenith');
    render(<ErrorNotice error={error} />);
    expect(screen.getByTestId('error-request-id').textContent).toBe('req-service');
    expect(screen.getByTestId('error-zenith-request-id').textContent).toBe('req-zenith');
    expect(screen.getByRole('button', { name: 'Copy Zenith request ID' })).toBeTruthy();
  });

  it("shows the BFF's request id alone for the BFF's own errors, and once when both are the same", () => {
    render(<ErrorNotice error={new ApiError(400, 'zenith', 'Bad region.', undefined, 'unknown_region', 'req-zenith')} />);
    expect(screen.queryByTestId('error-request-id')).toBeNull();
    expect(screen.getByTestId('error-zenith-request-id').textContent).toBe('req-zenith');
    cleanup();
    render(<ErrorNotice error={new ApiError(502, 'zenith', 'Down.', 'req-same', undefined, 'req-same')} />);
    expect(screen.getByTestId('error-request-id').textContent).toBe('req-same');
    expect(screen.queryByTestId('error-zenith-request-id')).toBeNull();
  });
});

describe('ErrorNotice for a service that is away', () => {
  it('names the service and its project, keeps the BFF’s words and request id, and says the rest keeps working', () => {
    const error = new ApiError(502, 'network', 'The network service (127.0.0.1:9696) is unreachable: connection refused', undefined, 'upstream_unreachable', 'req-zenith');
    render(<ErrorNotice error={error} onRetry={() => undefined} />);
    expect(screen.getByTestId('error-title').textContent).toBe('Networking (Neutron) is unavailable · Network 502');
    expect(screen.getByTestId('error-message').textContent).toContain('connection refused');
    expect(screen.getByRole('alert').textContent).toContain('Other services keep working');
    expect(screen.getByTestId('error-zenith-request-id').textContent).toBe('req-zenith');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says the session store’s 503 is Zenith’s, not the service’s', () => {
    render(<ErrorNotice error={new ApiError(503, 'network', 'The session store is unavailable; try again in a moment', undefined, 'session_store_unavailable')} />);
    expect(screen.getByTestId('error-title').textContent).toBe('Zenith is unavailable for a moment · HTTP 503');
  });
});
