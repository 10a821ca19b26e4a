// The quota review table's model: one row per project with the main quotas of each service as used/limit, and
// the orderings an admin asks for ("closest to its limit" first).
import type { QuotaId } from '../../resources/quotas/limits';
import type { KeystoneProject } from '@contract/projects';
import type { IdentityDomain } from '../../resources/identity/types';
import type { LoadBalancerQuotaKey, ProjectQuotas, QuotaService, QuotaValue, ServiceQuotas } from '../../resources/quotas/types';

export interface ReviewColumn {
  /** Also the label's key under `quota.labels`. */
  id: QuotaId;
  service: QuotaService;
  key: string;
  unit?: 'MiB' | 'GiB';
}

export const reviewColumns: readonly ReviewColumn[] = [
  { id: 'instances', service: 'compute', key: 'instances' },
  { id: 'vcpus', service: 'compute', key: 'cores' },
  { id: 'ram', service: 'compute', key: 'ram', unit: 'MiB' },
  { id: 'networks', service: 'network', key: 'network' },
  { id: 'ports', service: 'network', key: 'port' },
  { id: 'floating-ips', service: 'network', key: 'floatingip' },
  { id: 'security-groups', service: 'network', key: 'security_group' },
  { id: 'volumes', service: 'block-storage', key: 'volumes' },
  { id: 'gigabytes', service: 'block-storage', key: 'gigabytes', unit: 'GiB' },
  { id: 'load-balancers', service: 'load-balancer', key: 'loadbalancer' },
  { id: 'listeners', service: 'load-balancer', key: 'listener' },
  { id: 'pools', service: 'load-balancer', key: 'pool' },
];

/** The columns of the services in the catalog: Octavia's only where the cloud has it. */
export const reviewColumnsFor = (loadBalancer: boolean): readonly ReviewColumn[] =>
  loadBalancer ? reviewColumns : reviewColumns.filter((column) => column.service !== 'load-balancer');

export interface ReviewRow {
  project: KeystoneProject;
  domainName: string;
  /** Undefined while the project's quotas are being read. */
  quotas?: ProjectQuotas;
  /** Per column: its value, null when the service could not be read or has no such quota, absent while it is read. */
  cells: Partial<Record<QuotaId, QuotaValue | null>>;
  /** The services whose quotas could not be read, with their errors. */
  failures: { service: QuotaService; error: Error }[];
  /** The highest share of a limit in use: 1 = at the limit. */
  closest: number;
}

/** The share of a limit in use: 0 for unlimited, 1 (full) for a limit of 0, more than 1 when over. */
export function shareUsed({ used, limit }: QuotaValue): number {
  if (limit < 0) return 0;
  if (limit === 0) return 1;
  return used / limit;
}

/**
 * One project's row from its own quota reads and, where the cloud has Octavia, its share of the one read of every
 * project's Octavia quotas (undefined while that read is under way).
 */
export function reviewRow(
  project: KeystoneProject,
  domains: ReadonlyMap<string, string>,
  quotas: ProjectQuotas | undefined,
  loadBalancer?: ServiceQuotas<LoadBalancerQuotaKey> | Error,
): ReviewRow {
  const cells: ReviewRow['cells'] = {};
  const failures: ReviewRow['failures'] = [];
  if (quotas) {
    const merged: ProjectQuotas = loadBalancer ? { ...quotas, 'load-balancer': loadBalancer } : quotas;
    for (const service of ['compute', 'network', 'block-storage', 'load-balancer'] as const) {
      const answer = merged[service];
      if (answer instanceof Error) failures.push({ service, error: answer });
    }
    for (const column of reviewColumns) {
      const answer = merged[column.service];
      if (answer === undefined) continue;
      cells[column.id] = answer instanceof Error ? null : ((answer as Record<string, QuotaValue | undefined>)[column.key] ?? null);
    }
  }
  const shares = Object.values(cells).flatMap((cell) => (cell ? [shareUsed(cell)] : []));
  return {
    project,
    domainName: domains.get(project.domain_id) ?? project.domain_id,
    quotas,
    cells,
    failures,
    closest: shares.length > 0 ? Math.max(...shares) : 0,
  };
}

export function domainNames(domains: readonly IdentityDomain[]): Map<string, string> {
  return new Map(domains.map((domain) => [domain.id, domain.name]));
}

export type ReviewSort = { by: 'name' | 'domain' | 'closest' | QuotaId; desc: boolean };

const byName = (a: ReviewRow, b: ReviewRow) => a.project.name.localeCompare(b.project.name) || a.project.id.localeCompare(b.project.id);

/** Rows in the asked order; rows still loading (or failed) sink below the ones with figures when sorting by usage. */
export function sortReviewRows(rows: readonly ReviewRow[], sort: ReviewSort): ReviewRow[] {
  const value = (row: ReviewRow): number | undefined => {
    if (sort.by === 'closest') return row.quotas ? row.closest : undefined;
    const cell = row.cells[sort.by as QuotaId];
    return cell ? shareUsed(cell) : undefined;
  };
  const sign = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.by === 'name') return sign * byName(a, b);
    if (sort.by === 'domain') return sign * (a.domainName.localeCompare(b.domainName) || byName(a, b));
    const [x, y] = [value(a), value(b)];
    if (x === undefined || y === undefined) return x === y ? byName(a, b) : x === undefined ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** Rows whose name or id contains the search text, in the chosen domain (if any). */
export function filterReviewRows(rows: readonly ReviewRow[], search: string, domainId: string | undefined): ReviewRow[] {
  const needle = search.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!domainId || row.project.domain_id === domainId) &&
      (!needle || row.project.name.toLowerCase().includes(needle) || row.project.id.includes(needle)),
  );
}
