import { describe, expect, it } from 'vitest';
import { bigPageSizes, listUrlState, pageWindow, readEveryPage, type PagePosition } from './page-window';

const byName = listUrlState<'name' | 'created', 'status'>({
  isSortColumn: (value): value is 'name' | 'created' => value === 'name' || value === 'created',
  filterNames: ['status'],
  defaultSort: 'name',
  defaultDirection: 'asc',
});

describe('listUrlState', () => {
  it('starts a name-sorted list A to Z and leaves that default out of the URL', () => {
    expect(byName.parse(new URLSearchParams())).toMatchObject({ sort: 'name', direction: 'asc' });
    expect(byName.serialize(byName.defaults).toString()).toBe('');
    const reversed = byName.parse(new URLSearchParams('sort=name&dir=desc&status=ACTIVE'));
    expect(reversed).toMatchObject({ direction: 'desc', filters: { status: 'ACTIVE' } });
    expect(byName.serialize(reversed).toString()).toBe('sort=name&dir=desc&status=ACTIVE');
  });
});

describe('page sizes', () => {
  const big = listUrlState<'name', never>({ isSortColumn: (value): value is 'name' => value === 'name', filterNames: [], defaultSort: 'name', pageSizes: bigPageSizes });

  it('takes a size from the URL only among the sizes the list offers', () => {
    expect(big.parse(new URLSearchParams('limit=1000')).limit).toBe(1000);
    expect(big.serialize(big.parse(new URLSearchParams('limit=1000'))).toString()).toBe('limit=1000');
    expect(big.parse(new URLSearchParams('limit=999')).limit).toBe(20);
    expect(byName.parse(new URLSearchParams('limit=1000')).limit).toBe(20);
    expect(byName.pageSizes).toEqual([10, 20, 50, 100]);
    expect(big.pageSizes.at(-1)).toBe(1000);
  });
});

describe('pageWindow', () => {
  it('knows another page follows from the extra row', () => {
    expect(pageWindow({ limit: 2 }, ['a', 'b', 'c'])).toEqual({ rows: ['a', 'b'], hasPrevious: false, hasNext: true });
    expect(pageWindow({ limit: 2 }, ['a', 'b'])).toEqual({ rows: ['a', 'b'], hasPrevious: false, hasNext: false });
  });

  it('believes the next link of a service that capped the page below what was asked (1000 rows for limit=1001)', () => {
    const capped = Array.from({ length: 1000 }, (_, index) => `r${index}`);
    expect(pageWindow({ limit: 1000 }, capped, true)).toMatchObject({ hasNext: true });
    expect(pageWindow({ limit: 1000 }, capped, true).rows).toHaveLength(1000);
    // Going back, the link says rows precede.
    expect(pageWindow({ limit: 1000, before: 'x' }, capped, true)).toMatchObject({ hasPrevious: true, hasNext: true });
    expect(pageWindow({ limit: 1000, before: 'x' }, capped.slice(0, 10))).toMatchObject({ hasPrevious: false });
  });
});

describe('readEveryPage', () => {
  const rows = Array.from({ length: 5 }, (_, index) => ({ id: `r${index}` }));
  /** A service answering `limit` rows after the marker, with one more to say there is a next page. */
  const service = (seen: PagePosition[]) => async (position: PagePosition) => {
    seen.push(position);
    const from = position.marker ? rows.findIndex((row) => row.id === position.marker) + 1 : 0;
    return pageWindow(position, rows.slice(from, from + position.limit + 1));
  };

  it('follows the markers from the first page to the last, whatever page the user is on, and reports the count', async () => {
    const seen: PagePosition[] = [];
    const counts: number[] = [];
    const all = await readEveryPage({ limit: 2, marker: 'r3', before: undefined }, service(seen), (row) => row.id, (count) => counts.push(count), new AbortController().signal);
    expect(all.map((row) => row.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(seen.map((position) => position.marker)).toEqual([undefined, 'r1', 'r3']);
    expect(counts).toEqual([2, 4, 5]);
  });

  it('stops between pages once aborted', async () => {
    const controller = new AbortController();
    const seen: PagePosition[] = [];
    const reading = readEveryPage({ limit: 2 }, service(seen), (row) => row.id, () => controller.abort(), controller.signal);
    await expect(reading).rejects.toThrow();
    expect(seen).toHaveLength(1);
  });
});
