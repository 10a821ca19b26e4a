import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubJsonFetch } from '../../testing/stub-fetch';
import { acceptTransferCli, acceptTransferRequest, cancelTransferRequest, createTransferCli, createTransferRequest, fetchVolumeTransfers } from './transfers';

afterEach(() => vi.unstubAllGlobals());

describe('volume transfers', () => {
  it("lists the project's pending transfers from volume-transfers/detail at 3.55", async () => {
    const urls = stubJsonFetch((url) =>
      url.pathname.startsWith('/api/versions/')
        ? { serviceType: 'block-storage', minMicroversion: '3.0', maxMicroversion: '3.70' }
        : { transfers: [{ id: 't1', name: 'to demo-2', volume_id: 'v1', created_at: '2026-12-07T02:57:24.220673', no_snapshots: false }] },
    );
    const transfers = await fetchVolumeTransfers();
    expect(transfers.map((transfer) => transfer.id)).toEqual(['t1']);
    expect(urls.map((url) => url.pathname)).toEqual(['/api/versions/block-storage', '/api/os/block-storage/volume-transfers/detail']);
    const [, init] = vi.mocked(fetch).mock.calls[1]!;
    expect((init?.headers as Record<string, string>)['OpenStack-API-Version']).toBe('volume 3.55');
  });

  it('offers a volume with or without its snapshots, names it only when named, and accepts with the key', () => {
    expect(createTransferRequest({ volumeId: 'v1', name: ' to demo-2 ', noSnapshots: true })).toEqual({
      method: 'POST',
      path: '/api/os/block-storage/volume-transfers',
      body: { transfer: { volume_id: 'v1', name: 'to demo-2', no_snapshots: true } },
      microversion: '3.55',
    });
    expect(createTransferRequest({ volumeId: 'v1', name: '  ', noSnapshots: false }).body).toEqual({
      transfer: { volume_id: 'v1', name: null, no_snapshots: false },
    });
    expect(createTransferCli({ volumeId: 'v1', name: 'to demo-2', noSnapshots: true })).toEqual([
      'volume', 'transfer', 'request', 'create', '--name', 'to demo-2', '--no-snapshots', 'v1',
    ]);
    expect(createTransferCli({ volumeId: 'v1', name: '', noSnapshots: false })).toEqual(['volume', 'transfer', 'request', 'create', 'v1']);
    expect(acceptTransferRequest('t1', 'c272d2be365f1207')).toEqual({
      method: 'POST',
      path: '/api/os/block-storage/volume-transfers/t1/accept',
      body: { accept: { auth_key: 'c272d2be365f1207' } },
      microversion: '3.55',
    });
    expect(acceptTransferCli('t1', 'k')).toEqual(['volume', 'transfer', 'request', 'accept', '--auth-key', 'k', 't1']);
    expect(cancelTransferRequest('t/1')).toMatchObject({ method: 'DELETE', path: '/api/os/block-storage/volume-transfers/t%2F1' });
  });
});
