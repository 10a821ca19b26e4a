// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScopeContext, type Scope } from '../../../lib/scope';
import { stubJsonFetch } from '../../../testing/stub-fetch';
import { VolumeTransfersSection } from './advanced-transfers';

const scope: Scope = { region: 'RegionOne', projectId: 'p1', projectName: 'demo', services: [] };
const pending = [
  { id: 't1', name: 'to demo-2', volume_id: 'vol-1', created_at: '2026-12-07T02:57:24.220673', no_snapshots: false },
  { id: 't2', name: null, volume_id: 'vol-2', created_at: '2026-12-07T02:58:00.000000', no_snapshots: true },
];

function renderSection(props: Parameters<typeof VolumeTransfersSection>[0], transfers: unknown[]) {
  const urls = stubJsonFetch((url) => (url.pathname.startsWith('/api/versions/') ? { maxMicroversion: '3.70', minMicroversion: '3.0' } : { transfers }));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rendered = render(
    <QueryClientProvider client={client}>
      <ScopeContext.Provider value={scope}>
        <MemoryRouter>
          <VolumeTransfersSection {...props} />
        </MemoryRouter>
      </ScopeContext.Provider>
    </QueryClientProvider>,
  );
  return { ...rendered, urls };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('VolumeTransfersSection', () => {
  it("lists the project's pending transfers with the volume's name when the page knows it, each with a cancel button", async () => {
    renderSection({ volumeNames: new Map([['vol-1', 'data']]) }, pending);
    await waitFor(() => expect(screen.getAllByTestId('volume-transfer-row')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('volume-transfer-row');
    expect(first!.textContent).toContain('to demo-2');
    expect(first!.querySelector('a')?.getAttribute('href')).toBe('/volumes/vol-1');
    expect(first!.querySelector('a')?.textContent).toBe('data');
    expect(second!.querySelector('a')?.textContent).toBe('vol-2');
    expect(screen.getAllByTestId('volume-transfer-cancel')).toHaveLength(2);
  });

  it("shows only one volume's transfers on its page, and nothing when there are none", async () => {
    renderSection({ volumeId: 'vol-2' }, pending);
    await waitFor(() => expect(screen.getAllByTestId('volume-transfer-row')).toHaveLength(1));
    expect(screen.getByTestId('volume-transfer-row').getAttribute('data-transfer-id')).toBe('t2');
    cleanup();
    const { container, urls } = renderSection({ volumeId: 'vol-3' }, pending);
    await waitFor(() => expect(urls.map((url) => url.pathname)).toContain('/api/os/block-storage/volume-transfers/detail'));
    expect(container.textContent).toBe('');
    expect(screen.queryByTestId('volume-transfers')).toBeNull();
  });
});
