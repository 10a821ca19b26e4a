import { describe, expect, it } from 'vitest';
import { visibleNavEntries } from '../lib/navigation';
import { navEntries } from './navigation';

describe('navEntries', () => {
  it('lists the overview, which every cloud has, with no service in the catalog', () => {
    expect(visibleNavEntries(navEntries, []).map((entry) => entry.to)).toEqual(['/']);
  });
});
