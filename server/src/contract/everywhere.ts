// The reads across every project and region of the user (GET /api/everywhere/<service-type>/<path>), as both sides
// see them: which lists may be read so, and the NDJSON lines the BFF streams back. Shared by the BFF and the SPA.
import { z } from 'zod';

export const everywhereMountPath = '/api/everywhere';

/** The lists that can be read across projects: a service type, the path below its endpoint, the list's member. */
export interface EverywhereRead {
  serviceType: 'compute' | 'block-storage' | 'network';
  path: string;
  /** The member of the service's answer that holds the list (and, with `_links`, its next page). */
  member: string;
  /** Query parameters passed on to the service (its own filters); any other is refused. */
  filters: readonly string[];
}

/**
 * List reads only: nothing here writes, and the services' own cross-project switches (`all_tenants`, `all_projects`,
 * `project_id`) are not among the filters, so a line holds its project's resources and nobody else's.
 */
export const everywhereReads: readonly EverywhereRead[] = [
  { serviceType: 'compute', path: 'servers/detail', member: 'servers', filters: ['name', 'status', 'ip', 'ip6', 'image', 'flavor', 'limit'] },
  { serviceType: 'block-storage', path: 'volumes/detail', member: 'volumes', filters: ['name', 'status', 'limit'] },
  { serviceType: 'network', path: 'v2.0/floatingips', member: 'floatingips', filters: ['floating_ip_address', 'status', 'port_id', 'limit'] },
];

/** At most this many projects are read (the first ones Keystone lists); the start line says how many were left out. */
export const everywhereMaxProjects = 200;

export const EverywhereProject = z.object({ id: z.string(), name: z.string() });
export type EverywhereProject = z.infer<typeof EverywhereProject>;

export const EverywhereError = z.object({
  status: z.number().int(),
  message: z.string(),
  requestId: z.string().optional(),
  /** Why, for the SPA to word it: no_role, upstream_timeout, upstream_unreachable, no_endpoint, upstream_error... */
  code: z.string().optional(),
});
export type EverywhereError = z.infer<typeof EverywhereError>;

/** The first line: what will come, so that the SPA can show progress as `results / (projects × regions)`. */
export const EverywhereStart = z.object({
  kind: z.literal('start'),
  projects: z.array(EverywhereProject),
  regions: z.array(z.string()),
  /** Projects beyond everywhereMaxProjects, not read. */
  omittedProjects: z.number().int(),
});

/** One line per project × region, in the order they finish. */
export const EverywhereResult = z.discriminatedUnion('ok', [
  z.object({
    kind: z.literal('result'),
    ok: z.literal(true),
    project: EverywhereProject,
    region: z.string(),
    status: z.number().int(),
    requestId: z.string().optional(),
    items: z.array(z.record(z.string(), z.unknown())),
    /** The service had more than one page: only its first page (the service's own limit) is here. */
    truncated: z.boolean(),
  }),
  z.object({
    kind: z.literal('result'),
    ok: z.literal(false),
    project: EverywhereProject,
    region: z.string(),
    status: z.number().int(),
    error: EverywhereError,
  }),
]);
export type EverywhereResult = z.infer<typeof EverywhereResult>;

/** The last line: every project × region answered; a stream without it was cut short. */
export const EverywhereEnd = z.object({ kind: z.literal('end'), results: z.number().int(), elapsedMs: z.number() });

export const EverywhereLine = z.union([EverywhereStart, EverywhereResult, EverywhereEnd]);
export type EverywhereLine = z.infer<typeof EverywhereLine>;

export const everywhereContentType = 'application/x-ndjson; charset=utf-8';
