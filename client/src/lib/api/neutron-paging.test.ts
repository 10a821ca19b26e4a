import { describe, expect, it } from 'vitest';
import { neutronPageParams, neutronPageWindow } from './neutron-paging';
import type { ListUrlState } from './page-window';

const base: ListUrlState<string, string> = { limit: 2, sort: 'name', direction: 'asc', filters: {} };

describe('Neutron paging', () => {
  it('asks one row more than the page, from the marker, sorted as the list says', () => {
    expect(neutronPageParams({ ...base, marker: 'r2' })).toEqual({
      limit: 3,
      marker: 'r2',
      page_reverse: undefined,
      sort_key: 'name',
      sort_dir: 'asc',
    });
  });

  it('goes back with page_reverse from the first row of the next page', () => {
    expect(neutronPageParams({ ...base, before: 'r5' })).toMatchObject({ marker: 'r5', page_reverse: true, limit: 3 });
  });

  it('shows the rows just before the marker when going back (Neutron answers them in list order)', () => {
    // Rows r1..r4 precede r5; Neutron's answer to limit=3&marker=r5&page_reverse=true is r2, r3, r4.
    const shown = neutronPageWindow({ ...base, before: 'r5' }, ['r2', 'r3', 'r4']);
    expect(shown).toEqual({ rows: ['r3', 'r4'], hasPrevious: true, hasNext: true });
  });

  it('knows the first page when going back reaches it', () => {
    expect(neutronPageWindow({ ...base, before: 'r3' }, ['r1', 'r2'])).toEqual({ rows: ['r1', 'r2'], hasPrevious: false, hasNext: true });
  });

  it('pages forward like any marker list', () => {
    expect(neutronPageWindow({ ...base, marker: 'r2' }, ['r3', 'r4', 'r5'])).toEqual({ rows: ['r3', 'r4'], hasPrevious: true, hasNext: true });
  });

  it('trusts the next link of a page that pagination_max_limit cut short going forward, not going back', () => {
    // limit=4 asked, the cloud's maximum is 2: two rows and a next link.
    expect(neutronPageWindow({ ...base, limit: 3 }, ['r1', 'r2'], 'r2')).toEqual({ rows: ['r1', 'r2'], hasPrevious: false, hasNext: true });
    expect(neutronPageWindow({ ...base, limit: 3 }, ['r1', 'r2'])).toMatchObject({ hasNext: false });
    // Going back Neutron links "next" on every page.
    expect(neutronPageWindow({ ...base, limit: 3, before: 'r3' }, ['r1', 'r2'], 'r2')).toMatchObject({ hasPrevious: false });
  });
});
