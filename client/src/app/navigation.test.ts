import { describe, expect, it } from 'vitest';
import { visibleNavEntries } from '../lib/navigation';
import { navEntries } from './navigation';

describe('navEntries', () => {
  it('lists the overview, which every cloud has, with no service in the catalog', () => {
    expect(visibleNavEntries(navEntries, []).map((entry) => entry.to)).toEqual(['/']);
  });

  it("offers every administration page on the cloud's answer to a probe, each probe declared once under its own id", () => {
    const admin = navEntries.filter((entry) => entry.section === 'admin');
    expect(admin.length).toBeGreaterThan(0);
    expect(admin.filter((entry) => entry.probe === undefined).map((entry) => entry.to)).toEqual([]);
    const ids = new Map(admin.map((entry) => [entry.probe!.id, entry.probe]));
    expect(ids.size).toBe(admin.length);
  });
});
