import { describe, expect, it } from 'vitest';
import { listCodec, snapshotPageRequest } from './list-state';

describe('volume snapshots list state', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const state = listCodec.parse(new URLSearchParams('sort=name&dir=asc&status=available&volume=v1&marker=m1&limit=50'));
    expect(state).toMatchObject({ sort: 'name', direction: 'asc', limit: 50, marker: 'm1', filters: { status: 'available', volume: 'v1' } });
    expect(listCodec.serialize(state).toString()).toBe('limit=50&sort=name&dir=asc&status=available&volume=v1&marker=m1');
    expect(listCodec.serialize(listCodec.parse(new URLSearchParams('sort=volume_id'))).toString()).toBe('');
  });

  it('asks Cinder for one more row, the sort reversed when going back, unknown statuses dropped', () => {
    const forward = snapshotPageRequest(listCodec.parse(new URLSearchParams('name=nightly&volume=v1&marker=m1')));
    expect(forward).toEqual({ name: 'nightly', status: undefined, volumeId: 'v1', sort: 'created_at:desc', limit: 21, marker: 'm1' });
    const back = snapshotPageRequest(listCodec.parse(new URLSearchParams('sort=size&dir=asc&before=b1&status=bogus')));
    expect(back).toMatchObject({ sort: 'size:desc', marker: 'b1', status: undefined });
  });
});
