// Projects, as Keystone lists them and as the BFF hands them to the SPA's project switcher.
import { z } from 'zod';

/**
 * A project as Keystone's Identity API v3 lists it (GET /v3/projects for an admin, GET /v3/auth/projects for
 * the user's own): only the fields Zenith reads. The BFF reads it from Keystone, the SPA through the proxy.
 */
export interface KeystoneProject {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
  description?: string | null;
  /** A domain is also a project with is_domain; those are listed as domains. */
  is_domain?: boolean;
  parent_id?: string | null;
}

/** A project the user may switch to (GET /api/auth/projects), with its domain's name when the BFF knows it. */
export const Project = z.object({
  id: z.string(),
  name: z.string(),
  domainId: z.string(),
  domainName: z.string().optional(),
  description: z.string().optional(),
  enabled: z.boolean(),
});
export type Project = z.infer<typeof Project>;

export const ProjectsResponse = z.object({ projects: z.array(Project) });
export type ProjectsResponse = z.infer<typeof ProjectsResponse>;
