import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../lib/api/page-window';
import { listCodec, serverListParams } from './list-state';

describe('list URL state', () => {
  it('reads defaults from an empty query and writes nothing for them', () => {
    expect(listCodec.parse(new URLSearchParams())).toEqual(listCodec.defaults);
    expect(listCodec.serialize(listCodec.defaults).toString()).toBe('');
  });

  it('round-trips size, sort, filters and position', () => {
    const query = 'limit=50&sort=name&dir=asc&name=web&status=ACTIVE&ip=10.0.0.5&marker=abc';
    const state = listCodec.parse(new URLSearchParams(query));
    expect(state).toEqual({ limit: 50, sort: 'name', direction: 'asc', marker: 'abc', before: undefined, filters: { name: 'web', status: 'ACTIVE', ip: '10.0.0.5' } });
    expect(listCodec.parse(listCodec.serialize(state))).toEqual(state);
  });

  it('ignores values it does not know instead of sending them to Nova', () => {
    const state = listCodec.parse(new URLSearchParams('limit=7&sort=password&dir=sideways&name=%20%20'));
    expect(state).toEqual(listCodec.defaults);
  });

  it('keeps one direction when a link has both marker and before', () => {
    expect(listCodec.parse(new URLSearchParams('marker=a&before=b'))).toMatchObject({ marker: 'a', before: undefined });
  });
});

describe('serverListParams', () => {
  it('asks for one row more than the page, with Nova sort keys', () => {
    expect(serverListParams({ ...listCodec.defaults, limit: 20 })).toEqual({ limit: 21, sort_key: 'created_at', sort_dir: 'desc' });
  });

  it('reverses the sort to go back from a row', () => {
    expect(serverListParams({ ...listCodec.defaults, sort: 'name', direction: 'asc', before: 'r1' })).toMatchObject({
      sort_key: 'display_name',
      sort_dir: 'desc',
      marker: 'r1',
    });
  });

  it('matches name and IP literally (Nova treats them as regular expressions)', () => {
    expect(serverListParams({ ...listCodec.defaults, filters: { name: 'web.1', ip: '10.0.0.5', status: 'active' } })).toMatchObject({
      name: 'web\\.1',
      ip: '10\\.0\\.0\\.5',
      status: 'ACTIVE',
    });
  });
});

describe('pageWindow', () => {
  const rows = ['a', 'b', 'c'];
  it('shows the first page with a next page when Nova returned one row more', () => {
    expect(pageWindow({ ...listCodec.defaults, limit: 2 }, rows)).toEqual({ rows: ['a', 'b'], hasPrevious: false, hasNext: true });
    expect(pageWindow({ ...listCodec.defaults, limit: 3 }, rows)).toEqual({ rows, hasPrevious: false, hasNext: false });
  });

  it('after a marker, a previous page exists', () => {
    expect(pageWindow({ ...listCodec.defaults, limit: 5, marker: 'z' }, rows)).toEqual({ rows, hasPrevious: true, hasNext: false });
  });

  it('going back, puts the reversed answer in order and knows whether more precede it', () => {
    expect(pageWindow({ ...listCodec.defaults, limit: 2, before: 'd' }, ['c', 'b', 'a'])).toEqual({ rows: ['b', 'c'], hasPrevious: true, hasNext: true });
    expect(pageWindow({ ...listCodec.defaults, limit: 2, before: 'c' }, ['b', 'a'])).toEqual({ rows: ['a', 'b'], hasPrevious: false, hasNext: true });
  });
});
