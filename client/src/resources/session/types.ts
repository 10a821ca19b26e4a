// The BFF's auth payloads, as the shared contract defines them.
import type { CatalogService } from '../../lib/openstack/service-types';

interface NamedInDomain {
  id: string;
  name: string;
  domain: { id: string; name: string };
}

export interface Session {
  user: NamedInDomain;
  project: NamedInDomain;
  roles: string[];
  region: string;
  regions: string[];
  services: CatalogService[];
  /** ISO 8601; the session ends no later than its Keystone token. */
  expiresAt: string;
  csrfToken: string;
}

export interface Project {
  id: string;
  name: string;
  domainId: string;
  domainName?: string;
  description?: string;
  enabled: boolean;
}

export interface LoginInput {
  username: string;
  password: string;
  userDomain?: string;
  project?: string;
  projectDomain?: string;
  region?: string;
}

export interface ScopeTarget {
  projectId?: string;
  region?: string;
}
