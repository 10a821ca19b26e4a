import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { volumeSnapshots } from '../../testing/fixtures';
import { listCodec } from './list-state';
import { patchSnapshotInPages, volumeSnapshotListPageQueryOptions } from './volume-snapshots';

const scope = { region: 'RegionOne', projectId: 'p1' };
const snapshot = volumeSnapshots[0]!;

function cachedPage(status: 'available' | 'deleting') {
  const queryClient = new QueryClient();
  const { queryKey } = volumeSnapshotListPageQueryOptions(scope, listCodec.parse(new URLSearchParams()));
  queryClient.setQueryData(queryKey, { items: [{ ...snapshot, status }] });
  const readAt = queryClient.getQueryState(queryKey)!.dataUpdatedAt;
  return { queryClient, queryKey, readAt, page: () => queryClient.getQueryData<{ items: { status: string }[] }>(queryKey)!.items };
}

describe('a polled snapshot written into the cached list pages', () => {
  it('updates or removes the row with a newer answer', () => {
    const cache = cachedPage('deleting');
    patchSnapshotInPages(cache.queryClient, scope, snapshot.id, { ...snapshot, status: 'available' }, cache.readAt + 1);
    expect(cache.page().map((row) => row.status)).toEqual(['available']);
    patchSnapshotInPages(cache.queryClient, scope, snapshot.id, null, Date.now() + 1000);
    expect(cache.page()).toEqual([]);
  });

  it('leaves a page read after the answer alone (an old cached answer must not undo a delete in progress)', () => {
    const cache = cachedPage('deleting');
    patchSnapshotInPages(cache.queryClient, scope, snapshot.id, { ...snapshot, status: 'available' }, cache.readAt - 1);
    expect(cache.page().map((row) => row.status)).toEqual(['deleting']);
  });
});
