// Who a new credential is for: the signed-in user, in the page's project, with the roles the session's token holds
// there (an application credential may carry some or all of them, never more).
import type { SessionView } from '@contract/session';
import type { ProjectTarget } from '../../lib/actions/types';

export interface CredentialOwner extends ProjectTarget {
  userId: string;
  userName: string;
  roles: readonly string[];
}

export function credentialOwner(session: SessionView): CredentialOwner {
  return { id: session.project.id, name: session.project.name, userId: session.user.id, userName: session.user.name, roles: session.roles };
}
