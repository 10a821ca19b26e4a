// Calls that need the answer of the call before them (the id of what it created), declared so that they can be shown
// before anything is sent: with a placeholder that says where the value will come from.
import i18n from 'i18next';
import type { ParseKeys } from 'i18next';
import { requestIdentity } from './run-action';
import type { AcceptedCalls, ActionRequest } from './types';

/** `<id of the network created above>`: the placeholder text for a value only the service's answer will tell. */
export function answerPlaceholder(what: ParseKeys): string {
  return `<${i18n.t(what)}>`;
}

/**
 * A create followed by calls on what it created: `followUps` is given the created resource's id, read from the
 * answer by `idOf` when the action runs, or a placeholder (`what`, an i18n key: "id of the network created above")
 * when the HTTP view shows the calls beforehand.
 */
export function followedByCreated<Answer>(
  request: ActionRequest<Answer>,
  idOf: (answer: Answer) => string,
  what: ParseKeys,
  followUps: (id: string) => ActionRequest[],
): ActionRequest<Answer> {
  return {
    ...request,
    followedBy: (answer) => followUps(idOf(answer)),
    previewFollowUps: () => {
      const placeholder = answerPlaceholder(what);
      // A path builder percent-encodes the id: the placeholder reads better as itself.
      const encoded = encodeURIComponent(placeholder);
      return followUps(placeholder).map((call) => ({ ...call, path: call.path.split(encoded).join(placeholder) }));
    },
  };
}

/**
 * An action's calls in the order they are sent, follow-ups included; `unknownFollowUps` when some cannot be told
 * beforehand. Calls the service already accepted (a retry resumes after them) are left out, their follow-ups built
 * from the answers they got.
 */
export function requestsInOrder(
  requests: readonly ActionRequest[],
  accepted: AcceptedCalls = new Map(),
): { requests: ActionRequest[]; unknownFollowUps: boolean } {
  const ordered: ActionRequest[] = [];
  let unknownFollowUps = false;
  const visit = (calls: readonly ActionRequest[]) => {
    for (const call of calls) {
      const identity = requestIdentity(call);
      if (accepted.has(identity)) {
        visit(call.followedBy?.(accepted.get(identity)) ?? []);
        continue;
      }
      ordered.push(call);
      if (call.previewFollowUps) visit(call.previewFollowUps());
      else if (call.followedBy) unknownFollowUps = true;
    }
  };
  visit(requests);
  return { requests: ordered, unknownFollowUps };
}
