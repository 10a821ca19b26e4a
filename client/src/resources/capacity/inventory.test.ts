import { describe, expect, it } from 'vitest';
import { capacityOf } from './inventory';

describe('capacityOf', () => {
  it('takes the reserved part out, then applies the overcommit ratio, as Placement does', () => {
    expect(capacityOf({ total: 8, reserved: 0, allocation_ratio: 16 })).toBe(128);
    expect(capacityOf({ total: 16384, reserved: 512, allocation_ratio: 1.5 })).toBe(23808);
    expect(capacityOf({ total: 100, reserved: 10, allocation_ratio: 1 })).toBe(90);
  });
});
