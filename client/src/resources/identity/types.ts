// Keystone's projects, domains, users and role assignments as an admin lists them (Identity API v3 reference):
// only the fields Zenith reads. The project is in the shared contract (@contract/projects): the BFF reads it too.

export interface IdentityDomain {
  id: string;
  name: string;
  enabled?: boolean;
}

export interface IdentityUser {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
  email?: string;
  default_project_id?: string;
}

interface Named {
  id: string;
  name: string;
  domain?: { id: string; name: string };
}

/** GET /v3/role_assignments?include_names=true: who has which role where (a project, a domain or the system). */
export interface RoleAssignment {
  role: Named;
  user?: Named;
  group?: Named;
  scope: { project?: Named; domain?: Named; system?: { all: boolean } };
}
