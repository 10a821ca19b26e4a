// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Gauge } from './gauge';

afterEach(cleanup);

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
