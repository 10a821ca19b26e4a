// Nova server group, as GET /os-server-groups returns it at microversion 2.64 (Compute API reference): only the
// fields Zenith reads.

/** Every policy Nova accepts at 2.64 (its create schema's enum). */
export const serverGroupPolicies = ['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity'] as const;
export type ServerGroupPolicy = (typeof serverGroupPolicies)[number];

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
