import { describe, expect, it } from 'vitest';
import { listUrlState } from './page-window';

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
