// Nova server group, as GET /os-server-groups returns it at microversion 2.64 (Compute API reference): only the
// fields Zenith reads.

export type ServerGroupPolicy = 'affinity' | 'anti-affinity' | 'soft-affinity' | 'soft-anti-affinity';

export interface ServerGroup {
  id: string;
  name: string;
  /** Since 2.64 (before: a one-element `policies` list, which the fetcher turns into this). */
  policy: ServerGroupPolicy;
  /** Ids of the servers in the group. */
  members: string[];
  project_id?: string;
  /** Since 2.64, e.g. `{ max_server_per_host: 2 }` for anti-affinity. */
  rules?: { max_server_per_host?: number };
}
