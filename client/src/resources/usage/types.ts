// Nova's usage report (os-simple-tenant-usage, Compute API reference): per project, the hours each server ran in
// the period and its size, with the project's totals. Only the fields Zenith reads.

export interface ServerUsage {
  instance_id: string;
  name: string;
  tenant_id: string;
  flavor: string;
  vcpus: number;
  memory_mb: number;
  /** Root + ephemeral disk, GiB. */
  local_gb: number;
  /** Hours the server existed within the period. */
  hours: number;
  /** The server's vm_state, or "terminated". */
  state: string;
  started_at: string;
  ended_at: string | null;
  uptime: number;
}

export interface TenantUsage {
  tenant_id: string;
  start: string;
  stop: string;
  total_hours: number;
  total_vcpus_usage: number;
  total_memory_mb_usage: number;
  total_local_gb_usage: number;
  /** Present when the report is detailed. */
  server_usages?: ServerUsage[];
}

/** A report period as Nova takes it: UTC, start included, end excluded (Nova stops at "now" at the latest). */
export interface UsagePeriod {
  /** YYYY-MM-DD */
  start: string;
  /** YYYY-MM-DD */
  end: string;
}
