// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HttpExchange } from '../api/http-exchange';
import { HttpExchangeView } from './http-exchange-view';

afterEach(cleanup);

const create: HttpExchange = {
  method: 'POST',
  url: 'https://cloud.example:9696/v2.0/networks',
  headers: [
    ['X-Auth-Token', '$OS_TOKEN'],
    ['Content-Type', 'application/json'],
  ],
  body: '{\n  "network": {\n    "name": "blue"\n  }\n}',
};
const subnet: HttpExchange = {
  ...create,
  url: 'https://cloud.example:9696/v2.0/subnets',
  body: '{\n  "subnet": {\n    "network_id": "<id of the network created above>"\n  }\n}',
};

describe('HttpExchangeView', () => {
  it('shows each request in order: method, URL, headers and body', () => {
    render(<HttpExchangeView exchanges={[create, subnet]} />);
    const requests = screen.getAllByTestId('http-exchange-request');
    expect(requests).toHaveLength(2);
    expect(within(requests[0]!).getByTestId('http-exchange-url').textContent).toBe('https://cloud.example:9696/v2.0/networks');
    expect(within(requests[1]!).getByTestId('http-exchange-url').textContent).toBe('https://cloud.example:9696/v2.0/subnets');
    expect(within(requests[0]!).getByTestId('http-exchange-method').textContent).toBe('POST');
    const text = within(requests[0]!).getByTestId('http-exchange-text').textContent;
    expect(text).toBe('X-Auth-Token: $OS_TOKEN\nContent-Type: application/json\n\n{\n  "network": {\n    "name": "blue"\n  }\n}');
    expect(requests[1]!.textContent).toContain('2/2');
  });

  it('copies a request as curl', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<HttpExchangeView exchanges={[create]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as curl' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^curl -g -i -X POST https:\/\/cloud\.example:9696\/v2\.0\/networks/));
    expect(writeText.mock.calls[0]).toEqual([expect.stringContaining('-H "X-Auth-Token: $OS_TOKEN"')]);
    await waitFor(() => expect(screen.getByText('Copied')).toBeTruthy());
  });

  it('says when there is no request', () => {
    render(<HttpExchangeView exchanges={[]} />);
    expect(screen.getByTestId('http-exchange').textContent).toBe('No request.');
  });
});
