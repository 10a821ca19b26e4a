// Quota sets with their usage, as the services answer an admin (API references): Nova
// GET /os-quota-sets/{project_id}/detail, Neutron GET /v2.0/quotas/{project_id}/details, Cinder
// GET /v3/{admin_project_id}/os-quota-sets/{project_id}?usage=true, Octavia GET /v2/lbaas/quotas/{project_id} (its
// usage counted, resources/load-balancers/quotas.ts). Only the fields Zenith reads.

/** One quota with its usage: Nova and Cinder say `in_use`, Neutron says `used`. -1 = unlimited. */
export interface NovaQuotaDetail {
  limit: number;
  in_use: number;
  reserved: number;
}
export interface NeutronQuotaDetail {
  limit: number;
  used: number;
  reserved: number;
}
export type CinderQuotaDetail = NovaQuotaDetail & { allocated?: number };

export const computeQuotaKeys = ['instances', 'cores', 'ram', 'key_pairs', 'server_groups', 'server_group_members', 'metadata_items'] as const;
export const networkQuotaKeys = ['network', 'subnet', 'port', 'router', 'floatingip', 'security_group', 'security_group_rule'] as const;
export const blockStorageQuotaKeys = ['volumes', 'gigabytes', 'snapshots', 'backups', 'backup_gigabytes', 'per_volume_gigabytes'] as const;
export const loadBalancerQuotaKeys = ['loadbalancer', 'listener', 'pool', 'member', 'healthmonitor'] as const;

export type ComputeQuotaKey = (typeof computeQuotaKeys)[number];
export type NetworkQuotaKey = (typeof networkQuotaKeys)[number];
export type BlockStorageQuotaKey = (typeof blockStorageQuotaKeys)[number];
export type LoadBalancerQuotaKey = (typeof loadBalancerQuotaKeys)[number];

export type QuotaService = 'compute' | 'network' | 'block-storage' | 'load-balancer';

/** A quota as Zenith shows it: which service, which key, its usage and limit. */
export interface QuotaValue {
  used: number;
  limit: number;
}

export type ServiceQuotas<Key extends string> = Partial<Record<Key, QuotaValue>>;

/** One project's quotas from each service; a service that could not be read holds its error instead. */
export interface ProjectQuotas {
  compute: ServiceQuotas<ComputeQuotaKey> | Error;
  network: ServiceQuotas<NetworkQuotaKey> | Error;
  'block-storage': ServiceQuotas<BlockStorageQuotaKey> | Error;
  /** Octavia's, read only where the catalog has it (and never for the defaults, which live in its configuration). */
  'load-balancer'?: ServiceQuotas<LoadBalancerQuotaKey> | Error;
}
