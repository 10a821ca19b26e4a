// The input of the server group create and Nova's checks on it (schemas/server_groups.py at 2.64), apart from
// actions.ts so the form that edits it need not import the declaration that renders it.
import type { ParseKeys } from 'i18next';
import type { ServerGroupPolicy } from '../../resources/server-groups/types';

export interface ServerGroupDraft {
  name: string;
  policy: ServerGroupPolicy;
  /** As typed; '' = no rule. Only anti-affinity takes it. */
  maxServerPerHost: string;
}

// Nova's `name` parameter type: 1 to 255 characters, no leading or trailing space.
const nameMaxLength = 255;

/** The one rule Nova knows, sent only with anti-affinity (Nova: "Only anti-affinity policy supports rules."). */
export function ruleOf(draft: ServerGroupDraft): { max_server_per_host: number } | undefined {
  if (draft.policy !== 'anti-affinity' || draft.maxServerPerHost.trim() === '') return undefined;
  return { max_server_per_host: Number(draft.maxServerPerHost.trim()) };
}

/** Null when Nova would accept the draft, else the i18n key of the first problem. */
export function draftProblem(draft: ServerGroupDraft): ParseKeys | null {
  if (draft.name.trim() === '') return 'server-groups.problems.nameMissing';
  if (draft.name.trim() !== draft.name) return 'server-groups.problems.nameSpaces';
  if (draft.name.length > nameMaxLength) return 'server-groups.problems.nameTooLong';
  // Nova's positive_integer: a whole number of at least 1.
  const rule = ruleOf(draft);
  if (rule && !(/^\d+$/.test(draft.maxServerPerHost.trim()) && rule.max_server_per_host >= 1)) return 'server-groups.problems.ruleInvalid';
  return null;
}
