import { describe, expect, it } from 'vitest';
import { imagePageRequest, listCodec } from './list-state';

describe('images list state', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const state = listCodec.parse(new URLSearchParams('sort=name&dir=asc&visibility=shared&mine=1&marker=m1&limit=50'));
    expect(state).toMatchObject({ sort: 'name', direction: 'asc', limit: 50, marker: 'm1', filters: { visibility: 'shared', mine: '1' } });
    expect(listCodec.serialize(state).toString()).toBe('limit=50&sort=name&dir=asc&visibility=shared&mine=1&marker=m1');
    expect(listCodec.serialize(listCodec.parse(new URLSearchParams('sort=bogus'))).toString()).toBe('');
  });

  it('asks Glance for one more row, reversed when going back, owner = the project', () => {
    const forward = imagePageRequest(listCodec.parse(new URLSearchParams('mine=1&disk_format=qcow2&marker=m1')), 'p1');
    expect(forward).toMatchObject({ owner: 'p1', disk_format: 'qcow2', visibility: 'all', sort: 'created_at:desc', limit: 21, marker: 'm1' });
    const back = imagePageRequest(listCodec.parse(new URLSearchParams('sort=name&dir=asc&before=b1&status=bogus')), 'p1');
    expect(back).toMatchObject({ sort: 'name:desc', marker: 'b1', status: undefined, owner: undefined });
  });
});
