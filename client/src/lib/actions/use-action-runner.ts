// Runs declared actions and remembers what failed, so the page can show each failure (the API's message and
// request id) next to the resource it happened to; what succeeded is handed to the feature (to poll it). After every
// attempt, the caches the action declares it affects are read again, and a refusal (403) is remembered for that
// resource (lib/capabilities/refusals.ts), so the page then offers the action as unavailable, with the reason.
import { hashKey, useQueryClient } from '@tanstack/react-query';
import type { ParseKeys, TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetRefusals, refusalFor, refusalOf, rememberRefusal, useRefusals, type Refusal } from '../capabilities/refusals';
import type { QueryScope } from '../api/query-keys';
import { useScope } from '../scope';
import { useAnnounceSuccess, type SuccessNotice } from '../ui/success-notices';
import { runAction, runBulkAction } from './run-action';
import type { AcceptedCalls, ActionDeclaration, ResumableOutcome } from './types';

export interface ActionFailure {
  key: string;
  resourceId: string;
  resourceName: string;
  action: ParseKeys;
  error: unknown;
}

/** What the runner's callbacks learn about the action run: its `done`, if any, already knows the input it was sent with. */
export interface ActionSummary<Resource> extends Pick<ActionDeclaration<Resource, unknown>, 'id' | 'label'> {
  done?: (resource: Resource) => boolean;
}

function summarize<Resource, Input>({ id, label, done }: ActionDeclaration<Resource, Input>, input: Input): ActionSummary<Resource> {
  return { id, label, done: done && ((resource) => done(resource, input)) };
}

/** How a resource names itself to the user: in failures and success notices, with its page when it has one. */
export interface ResourceIdentity {
  id: string;
  name: string;
  /** The resource's detail page: a success notice links to it. */
  page?: string;
}

export interface ActionRunnerOptions<Resource> {
  identify: (resource: Resource) => ResourceIdentity;
  onSucceeded?: (resource: Resource, action: ActionSummary<Resource>) => void;
  /** Called after every attempt, succeeded or not (e.g. to re-read a resource whose state the page had wrong). */
  onAttempted?: (resource: Resource, action: ActionSummary<Resource>) => void;
  /**
   * Where each resource lives, for pages listing several projects and regions ("All my instances"): its actions are
   * sent there, and what they affect is read again there. Without it, the session's scope.
   */
  scopeOf?: (resource: Resource) => QueryScope;
}

/**
 * Reads again what an attempted action declares it affects, in the page's scope. A bulk action's resources often
 * share a list: each key is invalidated once per attempt, not once per resource (every invalidation of a fetching
 * query cancels it and sends the request again).
 */
function useAffectedInvalidation() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useCallback(
    <Resource, Input>(
      action: ActionDeclaration<Resource, Input>,
      resources: readonly Resource[],
      input: Input,
      scopeOf?: (resource: Resource) => QueryScope,
    ) => {
      const affected = resources.flatMap((resource) => action.affects?.(scopeOf?.(resource) ?? scope, resource, input) ?? []);
      const keys = new Map(affected.map((queryKey) => [hashKey(queryKey), queryKey]));
      for (const queryKey of keys.values()) void queryClient.invalidateQueries({ queryKey });
    },
    [queryClient, scope],
  );
}

/**
 * Remembers the refusal (a 403) of an attempt, for the action on its target (a resource's id, or the project's for a
 * create), and forgets the refusals a success may have lifted (lib/capabilities/refusals.ts).
 */
function useRefusalMemory() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useCallback(
    <Resource, Input>(
      action: ActionDeclaration<Resource, Input>,
      target: string,
      resource: Resource,
      input: Input,
      outcome: ResumableOutcome,
      resourceScope: QueryScope = scope,
    ) => {
      const affects = action.affects?.(resourceScope, resource, input) ?? [];
      if (outcome.status === 'succeeded') {
        forgetRefusals(queryClient, resourceScope, { target, affects });
        return;
      }
      const refusal = refusalOf(outcome.error);
      if (refusal) rememberRefusal(queryClient, resourceScope, { action: action.label, target, affects }, refusal);
    },
    [queryClient, scope],
  );
}

/**
 * The refusal by policy that makes `action` on the project (a create) unavailable in this scope, if the cloud refused
 * it (for buttons that open an action's own dialog or form).
 */
export function useActionRefusal(action: Pick<ActionDeclaration<never, never>, 'label'>): Refusal | undefined {
  return refusalFor(useRefusals(), action.label, useScope().projectId);
}

/**
 * The success notice of an action that succeeded on `succeeded` (never empty): the declaration's own words ("Stopped
 * 3 instances.") or its label and "done", and a link when it acted on one resource that has a page and still exists.
 */
export function successNotice(
  t: TFunction,
  action: Pick<ActionDeclaration<unknown, unknown>, 'label' | 'succeeded' | 'removes'>,
  succeeded: readonly ResourceIdentity[],
): SuccessNotice {
  const count = succeeded.length;
  const only = count === 1 ? succeeded[0] : undefined;
  const name = only?.name ?? '';
  const text = action.succeeded
    ? t(action.succeeded, { count, name })
    : only
      ? t('actions.notice.one', { action: t(action.label), name })
      : t('actions.notice.many', { action: t(action.label), count });
  const page = action.removes ? undefined : only?.page;
  return { text: String(text), link: page ? { to: page, name } : undefined };
}

let failureCounter = 0;

export function useActionRunner<Resource>({ identify, onSucceeded, onAttempted, scopeOf }: ActionRunnerOptions<Resource>) {
  const { t } = useTranslation();
  const [failures, setFailures] = useState<ActionFailure[]>([]);
  const invalidate = useAffectedInvalidation();
  const remember = useRefusalMemory();
  const announce = useAnnounceSuccess();

  const run = useCallback(
    async <Input>(
      action: ActionDeclaration<Resource, Input>,
      resources: readonly Resource[],
      input: Input,
    ): Promise<ResumableOutcome[]> => {
      const ids = new Set(resources.map((resource) => identify(resource).id));
      // A new attempt replaces the previous failure of that action on those resources.
      setFailures((current) => current.filter((failure) => !(ids.has(failure.resourceId) && failure.action === action.label)));
      const outcomes = await runBulkAction(action, resources, input, scopeOf);
      const summary = summarize(action, input);
      const failed: ActionFailure[] = [];
      const succeeded: ResourceIdentity[] = [];
      invalidate(action, resources, input, scopeOf);
      outcomes.forEach((outcome, index) => {
        const resource = resources[index]!;
        const identity = identify(resource);
        const { id, name } = identity;
        remember(action, id, resource, input, outcome, scopeOf?.(resource));
        onAttempted?.(resource, summary);
        if (outcome.status === 'succeeded') {
          succeeded.push(identity);
          onSucceeded?.(resource, summary);
        } else {
          failed.push({ key: `${++failureCounter}`, resourceId: id, resourceName: name, action: action.label, error: outcome.error });
        }
      });
      if (failed.length > 0) setFailures((current) => [...failed, ...current]);
      // Only what succeeded is announced: failures are shown next to their resource, and stay.
      if (succeeded.length > 0) announce(successNotice(t, action, succeeded));
      return outcomes;
    },
    [identify, invalidate, remember, announce, t, onSucceeded, onAttempted, scopeOf],
  );

  const dismiss = useCallback((key: string) => setFailures((current) => current.filter((failure) => failure.key !== key)), []);

  return { run, failures, dismiss };
}

/**
 * One action submitted from a dialog of its own (a create made of several calls): pending while it runs, the error
 * of the last attempt, and the answers of the calls accepted so far (read one with `answerTo`). A retry resumes after those calls, so what the
 * service already did (a flavor created, a project granted) is not sent again while what changed since is.
 */
export function useActionSubmission<Resource, Input>(action: ActionDeclaration<Resource, Input>) {
  const scope = useScope();
  const invalidate = useAffectedInvalidation();
  const remember = useRefusalMemory();
  const [accepted, setAccepted] = useState<AcceptedCalls>(() => new Map());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { t } = useTranslation();
  const announce = useAnnounceSuccess();

  const submit = async (resource: Resource, input: Input): Promise<ResumableOutcome> => {
    setPending(true);
    setError(null);
    const outcome = await runAction(action, resource, input, accepted);
    setAccepted(outcome.accepted);
    setPending(false);
    if (outcome.status === 'failed') setError(outcome.error);
    // What a dialog or page of its own submits acts on the project (creates something in it): the notice names it.
    else announce(successNotice(t, action, [{ id: scope.projectId, name: scope.projectName }]));
    // What a dialog or page of its own submits acts on the project (creates it something): refused, its button greys.
    remember(action, scope.projectId, resource, input, outcome);
    invalidate(action, [resource], input);
    return outcome;
  };

  /** Forgets the last attempt: its error and the answers it got (a secret among them, once the form took it). */
  const reset = () => {
    setAccepted(new Map());
    setError(null);
  };

  return { submit, reset, pending, error, accepted };
}
