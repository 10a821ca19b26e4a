import type { SessionView } from '../contract/session.js';
import type { AuthState } from '../session/session.js';
import { catalogRegions, catalogServices } from '../openstack/catalog.js';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import type { IssuedToken } from '../openstack/keystone.js';

/** The contract's session view of a signed-in session: never its tokens. */
export function sessionView(auth: AuthState, csrfToken: string, endpointInterface: EndpointInterface): SessionView {
  return {
    user: auth.user,
    project: auth.project,
    roles: auth.roles,
    region: auth.region,
    regions: catalogRegions(auth.catalog),
    interface: endpointInterface,
    services: catalogServices(auth.catalog, auth.region, endpointInterface),
    signIn: auth.signIn ?? { methods: ['password'] },
    expiresAt: auth.expiresAt,
    csrfToken,
  };
}

/** Only project-scoped tokens make a session: the dashboard always works inside one project. */
export function authStateFrom({ id, token }: IssuedToken, region: string): AuthState {
  if (!token.project) throw new Error('authStateFrom needs a project-scoped token');
  return {
    token: id,
    expiresAt: new Date(token.expires_at).toISOString(),
    user: { id: token.user.id, name: token.user.name, domain: token.user.domain },
    project: { id: token.project.id, name: token.project.name, domain: token.project.domain },
    roles: (token.roles ?? []).map((role) => role.name),
    catalog: (token.catalog ?? []).map((entry) => ({
      id: entry.id,
      type: entry.type,
      name: entry.name,
      endpoints: entry.endpoints.map((endpoint) => ({
        id: endpoint.id,
        interface: endpoint.interface,
        region: endpoint.region,
        region_id: endpoint.region_id,
        url: endpoint.url,
      })),
    })),
    region,
    retiredTokens: [],
    signIn: {
      methods: [...token.methods],
      ...(token.application_credential
        ? { applicationCredential: { id: token.application_credential.id, name: token.application_credential.name } }
        : {}),
    },
  };
}
