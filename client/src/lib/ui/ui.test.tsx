// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { ErrorNotice } from './error-notice';
import { Gauge } from './gauge';

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
});

describe('Gauge', () => {
  it('is a meter with its numbers as text', () => {
    render(<Gauge label="Instances" used={2} limit={10} testId="gauge-compute-instances" />);
    const meter = screen.getByRole('meter', { name: 'Instances' });
    expect(meter.getAttribute('aria-valuenow')).toBe('2');
    expect(meter.getAttribute('aria-valuemax')).toBe('10');
    expect(meter.getAttribute('aria-valuetext')).toBe('2 of 10');
    expect(screen.getByTestId('gauge-compute-instances-used').textContent).toBe('2');
    expect(screen.getByTestId('gauge-compute-instances-limit').textContent).toBe('10');
  });

  it('says "Unlimited" for -1 and claims no maximum', () => {
    render(<Gauge label="Server groups" used={3} limit={-1} testId="gauge-compute-server-groups" />);
    expect(screen.getByTestId('gauge-compute-server-groups-limit').textContent).toBe('Unlimited');
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByTestId('gauge-compute-server-groups').dataset.limit).toBe('-1');
  });
});
