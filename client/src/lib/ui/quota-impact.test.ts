import { describe, expect, it } from 'vitest';
import { quotaExcesses } from './quota-impact';

describe('quotaExcesses', () => {
  const figures = [
    { id: 'networks', used: 9, limit: 10 },
    { id: 'subnets', used: 10, limit: 10 },
    { id: 'ports', used: 400, limit: -1 },
  ];

  it('names each quota the request would go over, and only those', () => {
    expect(quotaExcesses(figures, { networks: 1, subnets: 1, ports: 3 })).toEqual([{ id: 'subnets', used: 10, limit: 10, adding: 1 }]);
    expect(quotaExcesses(figures, { networks: 2 })).toEqual([{ id: 'networks', used: 9, limit: 10, adding: 2 }]);
    expect(quotaExcesses(figures, { networks: 1 })).toEqual([]);
  });

  it('lets the API decide while the quotas are unknown', () => {
    expect(quotaExcesses(undefined, { networks: 1 })).toEqual([]);
  });
});
