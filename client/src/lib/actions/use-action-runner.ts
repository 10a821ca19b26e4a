// Runs declared actions and remembers what failed, so the page can show each failure (the API's message and
// request id) next to the resource it happened to; what succeeded is handed to the feature (to poll it).
import type { ParseKeys } from 'i18next';
import { useCallback, useState } from 'react';
import { runBulkAction } from './run-action';
import type { ActionDeclaration, ActionOutcome } from './types';

export interface ActionFailure {
  key: string;
  resourceId: string;
  resourceName: string;
  action: ParseKeys;
  error: unknown;
}

/** What the runner's callbacks learn about the action run. */
export type ActionSummary<Resource> = Pick<ActionDeclaration<Resource, unknown>, 'id' | 'label' | 'done'>;

export interface ActionRunnerOptions<Resource> {
  identify: (resource: Resource) => { id: string; name: string };
  onSucceeded?: (resource: Resource, action: ActionSummary<Resource>) => void;
  /** Called after every attempt, succeeded or not (e.g. to re-read a resource whose state the page had wrong). */
  onAttempted?: (resource: Resource, action: ActionSummary<Resource>) => void;
}

let failureCounter = 0;

export function useActionRunner<Resource>({ identify, onSucceeded, onAttempted }: ActionRunnerOptions<Resource>) {
  const [failures, setFailures] = useState<ActionFailure[]>([]);

  const run = useCallback(
    async <Input>(
      action: ActionDeclaration<Resource, Input>,
      resources: readonly Resource[],
      input: Input,
    ): Promise<ActionOutcome[]> => {
      const ids = new Set(resources.map((resource) => identify(resource).id));
      // A new attempt replaces the previous failure of that action on those resources.
      setFailures((current) => current.filter((failure) => !(ids.has(failure.resourceId) && failure.action === action.label)));
      const outcomes = await runBulkAction(action, resources, input);
      const failed: ActionFailure[] = [];
      outcomes.forEach((outcome, index) => {
        const resource = resources[index]!;
        const { id, name } = identify(resource);
        onAttempted?.(resource, action);
        if (outcome.status === 'succeeded') onSucceeded?.(resource, action);
        else failed.push({ key: `${++failureCounter}`, resourceId: id, resourceName: name, action: action.label, error: outcome.error });
      });
      if (failed.length > 0) setFailures((current) => [...failed, ...current]);
      return outcomes;
    },
    [identify, onSucceeded, onAttempted],
  );

  const dismiss = useCallback((key: string) => setFailures((current) => current.filter((failure) => failure.key !== key)), []);

  return { run, failures, dismiss };
}

export type ActionRunner<Resource> = ReturnType<typeof useActionRunner<Resource>>;
