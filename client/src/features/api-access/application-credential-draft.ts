// The application credential form's input, what it lacks before it can be sent, and the body it becomes. The
// expiry is typed in the browser's local time and sent in UTC, as the CLI's --expiration takes it.
import type { ParseKeys } from 'i18next';
import type { AccessRuleMethod, ApplicationCredentialCreate } from '../../resources/application-credentials/types';

export const accessRuleMethods: readonly AccessRuleMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface AccessRuleDraft {
  method: AccessRuleMethod;
  path: string;
  /** A service type of the catalog (compute, image...). */
  service: string;
}

export interface ApplicationCredentialDraft {
  name: string;
  description: string;
  /** An `<input type="datetime-local">` value (YYYY-MM-DDTHH:MM, local time); '' never expires. */
  expiresAt: string;
  /** Names of the chosen roles, among the user's roles on the project. */
  roles: string[];
  accessRules: AccessRuleDraft[];
  unrestricted: boolean;
}

export function initialDraft(roles: readonly string[]): ApplicationCredentialDraft {
  return { name: '', description: '', expiresAt: '', roles: [...roles], accessRules: [], unrestricted: false };
}

/** Keystone's limits: a name of 1-255 characters, a rule path starting with `/` of at most 225. */
const maxNameLength = 255;
const maxRulePathLength = 225;

/** The expiry in UTC as YYYY-MM-DDTHH:MM:SS, or undefined when none is set or it is not a date. */
export function expiryInUtc(expiresAt: string): string | undefined {
  if (expiresAt === '') return undefined;
  const time = new Date(expiresAt).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 19);
}

export function ruleProblem(rule: AccessRuleDraft): ParseKeys | null {
  if (!rule.path.startsWith('/') || rule.path.length > maxRulePathLength) return 'api-access.appCredentials.form.rulePathInvalid';
  if (rule.service === '') return 'api-access.appCredentials.form.ruleServiceRequired';
  return null;
}

export function draftProblem(draft: ApplicationCredentialDraft, now = Date.now()): ParseKeys | null {
  const name = draft.name.trim();
  if (name === '') return 'api-access.appCredentials.form.nameRequired';
  if (name.length > maxNameLength) return 'api-access.appCredentials.form.nameTooLong';
  if (draft.roles.length === 0) return 'api-access.appCredentials.form.rolesRequired';
  if (draft.expiresAt !== '') {
    const expiry = expiryInUtc(draft.expiresAt);
    if (expiry === undefined) return 'api-access.appCredentials.form.expiryInvalid';
    if (new Date(`${expiry}Z`).getTime() <= now) return 'api-access.appCredentials.form.expiryPast';
  }
  for (const rule of draft.accessRules) {
    const problem = ruleProblem(rule);
    if (problem) return problem;
  }
  return null;
}

export function createBody(draft: ApplicationCredentialDraft): ApplicationCredentialCreate {
  const description = draft.description.trim();
  const expiresAt = expiryInUtc(draft.expiresAt);
  return {
    application_credential: {
      name: draft.name.trim(),
      ...(description ? { description } : {}),
      ...(expiresAt ? { expires_at: expiresAt } : {}),
      roles: draft.roles.map((name) => ({ name })),
      // Sent either way, as the CLI does: left out, Keystone stores neither true nor false.
      unrestricted: draft.unrestricted,
      ...(draft.accessRules.length > 0
        ? { access_rules: draft.accessRules.map(({ method, path, service }) => ({ method, path, service })) }
        : {}),
    },
  };
}
