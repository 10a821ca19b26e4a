// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../lib/api/client';
import { isRequestLogShortcut } from './app-shell';
import { filterRequestLog, RequestLogPanel } from './request-log-panel';

const services = [
  { type: 'compute', name: 'nova', url: 'https://cloud.example:8774/v2.1' },
  { type: 'network', name: 'neutron', url: 'https://cloud.example:9696' },
];

beforeEach(() => {
  api.requestLog.clear();
  api.requestLog.start({ service: 'compute', method: 'GET', path: '/api/os/compute/servers/detail?limit=50', headers: {} }, 1000)(
    { status: 200, requestId: 'req-list' },
    1120,
  );
  api.requestLog.start(
    { service: 'network', method: 'POST', path: '/api/os/network/v2.0/networks', headers: { 'Content-Type': 'application/json' }, body: { network: { name: 'blue' } } },
    2000,
  )({ status: 409, requestId: 'req-conflict', error: 'Quota exceeded for resources: network' }, 2040);
  api.requestLog.start({ service: 'compute', method: 'GET', path: '/api/os/compute/flavors', headers: {} }, 3000);
});
afterEach(() => {
  cleanup();
  api.requestLog.clear();
});

describe('RequestLogPanel', () => {
  it('lists the calls newest first with status, duration, request id and service; errors stand out', () => {
    render(<RequestLogPanel services={services} onClose={() => undefined} />);
    const rows = screen.getAllByTestId('request-log-row');
    expect(rows.map((row) => within(row).getByTestId('request-log-path').textContent)).toEqual([
      '/api/os/compute/flavors',
      '/api/os/network/v2.0/networks',
      '/api/os/compute/servers/detail?limit=50',
    ]);
    expect(rows.map((row) => within(row).getByTestId('request-log-status').textContent)).toEqual(['…', '409', '200']);
    expect(rows[1]!.className).toContain('bg-danger-soft');
    expect(rows[2]!.textContent).toContain('120 ms');
    expect(rows[2]!.textContent).toContain('req-list');
    expect(within(rows[1]!).getByTestId('request-log-service').textContent).toBe('network');
  });

  it('filters by text, service and errors', () => {
    render(<RequestLogPanel services={services} onClose={() => undefined} />);
    fireEvent.change(screen.getByTestId('request-log-filter'), { target: { value: 'detail' } });
    expect(screen.getAllByTestId('request-log-row')).toHaveLength(1);
    fireEvent.change(screen.getByTestId('request-log-filter'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('request-log-service-filter'), { target: { value: 'compute' } });
    expect(screen.getAllByTestId('request-log-row')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('request-log-errors-only'));
    expect(screen.getByTestId('request-log-empty').textContent).toBe('No call matches the filter.');
    fireEvent.change(screen.getByTestId('request-log-service-filter'), { target: { value: '' } });
    expect(screen.getAllByTestId('request-log-row').map((row) => row.dataset.status)).toEqual(['409']);
  });

  it('opens a call onto its HTTP view on the catalog endpoint, with the error the service gave', () => {
    render(<RequestLogPanel services={services} onClose={() => undefined} />);
    const failed = screen.getAllByTestId('request-log-row')[1]!;
    const toggle = within(failed).getAllByRole('button')[0]!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(failed).getByTestId('request-log-error').textContent).toBe('Quota exceeded for resources: network');
    expect(within(failed).getByTestId('request-log-exchange-url').textContent).toBe('https://cloud.example:9696/v2.0/networks');
    expect(within(failed).getByTestId('request-log-exchange-text').textContent).toContain('"name": "blue"');
  });

  it('shows new calls as they are made, and clears', () => {
    render(<RequestLogPanel services={services} onClose={() => undefined} />);
    act(() => {
      api.requestLog.start({ service: 'image', method: 'GET', path: '/api/os/image/v2/images', headers: {} });
    });
    expect(screen.getAllByTestId('request-log-row')).toHaveLength(4);
    fireEvent.click(screen.getByTestId('request-log-clear'));
    expect(screen.getByTestId('request-log-empty').textContent).toBe('No call yet.');
  });

  it('takes the focus when it opens, gives it back when it closes, and closes on Escape', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const onClose = vi.fn();
    const { unmount } = render(<RequestLogPanel services={services} onClose={onClose} />);
    expect(document.activeElement).toBe(screen.getByTestId('request-log-filter'));
    fireEvent.keyDown(screen.getByTestId('request-log-filter'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});

describe('the shortcut and the filter', () => {
  it('is Alt+Shift+L by key position', () => {
    expect(isRequestLogShortcut({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code: 'KeyL' })).toBe(true);
    expect(isRequestLogShortcut({ altKey: true, shiftKey: false, ctrlKey: false, metaKey: false, code: 'KeyL' })).toBe(false);
    expect(isRequestLogShortcut({ altKey: true, shiftKey: true, ctrlKey: true, metaKey: false, code: 'KeyL' })).toBe(false);
  });

  it('counts a call that got no answer as an error', () => {
    const entry = { seq: 1, service: 'compute', method: 'GET', path: '/x', headers: {}, startedAt: 0, status: 0, error: 'Failed to fetch' };
    expect(filterRequestLog([entry], { text: '', service: '', errorsOnly: true })).toEqual([entry]);
    expect(filterRequestLog([{ ...entry, status: null }], { text: '', service: '', errorsOnly: true })).toEqual([]);
  });
});

describe('a call the page called off', () => {
  it('says cancelled, and is neither highlighted nor an error', () => {
    const cancelled = { seq: 1, service: 'block-storage', method: 'GET', path: '/api/os/block-storage/limits', headers: {}, startedAt: 0, status: 0, error: 'aborted' };
    expect(filterRequestLog([cancelled], { text: '', service: '', errorsOnly: true })).toEqual([]);
    api.requestLog.clear();
    api.requestLog.start({ service: 'block-storage', method: 'GET', path: '/api/os/block-storage/limits', headers: {} })({ status: 0, error: 'aborted' });
    render(<RequestLogPanel services={services} onClose={() => undefined} />);
    const row = screen.getByTestId('request-log-row');
    expect(within(row).getByTestId('request-log-status').textContent).toBe('cancelled');
    expect(row.className).not.toContain('bg-danger-soft');
  });
});

describe('a call to Zenith’s own API', () => {
  it('shows no token header: the session cookie authenticates it', () => {
    api.requestLog.clear();
    api.requestLog.start({ service: 'compute', method: 'GET', path: '/api/versions/compute', headers: {} })({ status: 200 });
    render(<RequestLogPanel services={services} onClose={() => undefined} />);
    fireEvent.click(within(screen.getByTestId('request-log-row')).getAllByRole('button')[0]!);
    expect(screen.getByTestId('request-log-exchange-url').textContent).toBe('/api/versions/compute');
    expect(screen.getByTestId('request-log-exchange-text').textContent).not.toContain('X-Auth-Token');
    expect(screen.getByText(/Zenith's own API/)).toBeTruthy();
  });
});
