import { describe, expect, it } from 'vitest';
import { activeNavTarget } from './side-nav';

const targets = ['/', '/volumes', '/volumes/snapshots', '/instances', '/admin/instances'];

describe('activeNavTarget', () => {
  it('picks the longest entry the path is under, so a nested page lights up its own entry only', () => {
    expect(activeNavTarget('/volumes/snapshots', targets)).toBe('/volumes/snapshots');
    expect(activeNavTarget('/volumes/snapshots/s1', targets)).toBe('/volumes/snapshots');
    expect(activeNavTarget('/volumes/v1', targets)).toBe('/volumes');
    expect(activeNavTarget('/admin/instances', targets)).toBe('/admin/instances');
  });

  it('matches whole path segments, and the overview only on itself', () => {
    expect(activeNavTarget('/volumes-archive', targets)).toBeUndefined();
    expect(activeNavTarget('/', targets)).toBe('/');
    expect(activeNavTarget('/topology', targets)).toBeUndefined();
  });
});
