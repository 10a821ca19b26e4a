import { describe, expect, it } from 'vitest';
import { domainNames, filterReviewRows, reviewColumnsFor, reviewRow, shareUsed, sortReviewRows } from './review';
import type { KeystoneProject } from '@contract/projects';
import type { ProjectQuotas } from '../../resources/quotas/types';

const project = (name: string, domain = 'default'): KeystoneProject => ({ id: `${name}-id`, name, domain_id: domain, enabled: true });
const domains = domainNames([
  { id: 'default', name: 'Default' },
  { id: 'd2', name: 'Research' },
]);

function quotas(instances: [number, number], cores: [number, number], volumes: [number, number] | Error): ProjectQuotas {
  return {
    compute: { instances: { used: instances[0], limit: instances[1] }, cores: { used: cores[0], limit: cores[1] } },
    network: { network: { used: 1, limit: 100 } },
    'block-storage': volumes instanceof Error ? volumes : { volumes: { used: volumes[0], limit: volumes[1] } },
  };
}

describe('quota review rows', () => {
  it('counts unlimited as never close, a limit of 0 as full and an overrun above 1', () => {
    expect(shareUsed({ used: 50, limit: -1 })).toBe(0);
    expect(shareUsed({ used: 0, limit: 0 })).toBe(1);
    expect(shareUsed({ used: 12, limit: 10 })).toBeCloseTo(1.2);
    expect(shareUsed({ used: 3, limit: 4 })).toBe(0.75);
  });

  it("reads each column from its service, keeps a failed service's error and scores the row by its fullest quota", () => {
    const failure = new Error('cinder is down');
    const row = reviewRow(project('web', 'd2'), domains, quotas([2, 10], [9, 10], failure));
    expect(row.domainName).toBe('Research');
    expect(row.cells.instances).toEqual({ used: 2, limit: 10 });
    expect(row.cells.vcpus).toEqual({ used: 9, limit: 10 });
    expect(row.cells.volumes).toBeNull();
    expect(row.cells.ports).toBeNull();
    expect(row.failures).toEqual([{ service: 'block-storage', error: failure }]);
    expect(row.closest).toBe(0.9);
  });

  it('sorts by closest to a limit, rows still loading last, ties by name', () => {
    const rows = [
      reviewRow(project('calm'), domains, quotas([1, 10], [1, 20], [0, 10])),
      reviewRow(project('loading'), domains, undefined),
      reviewRow(project('full'), domains, quotas([10, 10], [1, 20], [0, 10])),
      reviewRow(project('busy'), domains, quotas([1, 10], [15, 20], [0, 10])),
      reviewRow(project('also-full'), domains, quotas([1, 10], [1, 20], [0, 0])),
    ];
    expect(sortReviewRows(rows, { by: 'closest', desc: true }).map((row) => row.project.name)).toEqual(['also-full', 'full', 'busy', 'calm', 'loading']);
    expect(sortReviewRows(rows, { by: 'vcpus', desc: true }).map((row) => row.project.name)).toEqual(['busy', 'also-full', 'calm', 'full', 'loading']);
    expect(sortReviewRows(rows, { by: 'name', desc: false }).map((row) => row.project.name)).toEqual(['also-full', 'busy', 'calm', 'full', 'loading']);
  });

  it("merges Octavia's one read into each row: its load balancers count towards the closest limit and sort like any column", () => {
    const lb = (used: number, limit: number) => ({ loadbalancer: { used, limit } });
    const rows = [
      reviewRow(project('calm'), domains, quotas([1, 10], [1, 20], [0, 10]), lb(0, -1)),
      reviewRow(project('lb-full'), domains, quotas([1, 10], [1, 20], [0, 10]), lb(2, 2)),
      reviewRow(project('lb-half'), domains, quotas([1, 10], [1, 20], [0, 10]), lb(1, 2)),
    ];
    expect(rows[1]!.cells['load-balancers']).toEqual({ used: 2, limit: 2 });
    expect(rows[1]!.closest).toBe(1);
    expect(rows[0]!.closest).toBe(0.1);
    expect(sortReviewRows(rows, { by: 'closest', desc: true }).map((row) => row.project.name)).toEqual(['lb-full', 'lb-half', 'calm']);
    expect(sortReviewRows(rows, { by: 'load-balancers', desc: false }).map((row) => row.project.name)).toEqual(['calm', 'lb-half', 'lb-full']);
  });

  it("shows a failed Octavia read as that service's failure, and no load balancer cell while it is read or without Octavia", () => {
    const failure = new Error('Policy does not allow this request to be performed.');
    const failed = reviewRow(project('web'), domains, quotas([2, 10], [1, 10], [0, 10]), failure);
    expect(failed.cells['load-balancers']).toBeNull();
    expect(failed.cells.instances).toEqual({ used: 2, limit: 10 });
    expect(failed.failures).toEqual([{ service: 'load-balancer', error: failure }]);

    const pending = reviewRow(project('web'), domains, quotas([2, 10], [1, 10], [0, 10]));
    expect('load-balancers' in pending.cells).toBe(false);
    expect(pending.failures).toEqual([]);
    expect(reviewColumnsFor(false).map((column) => column.id)).not.toContain('load-balancers');
    expect(reviewColumnsFor(true).map((column) => column.id)).toContain('load-balancers');
  });

  it('filters by name or id and by domain', () => {
    const rows = [project('alpha'), project('beta', 'd2'), project('alphabet', 'd2')].map((p) => reviewRow(p, domains, undefined));
    expect(filterReviewRows(rows, ' ALPHA', undefined).map((row) => row.project.name)).toEqual(['alpha', 'alphabet']);
    expect(filterReviewRows(rows, 'alpha', 'd2').map((row) => row.project.name)).toEqual(['alphabet']);
    expect(filterReviewRows(rows, 'beta-id', undefined).map((row) => row.project.name)).toEqual(['beta']);
  });
});
