// Every stack action, declared once (lib/actions): when the stack's state allows it, the API call, and the
// `openstack stack ...` command doing the same. The list's row menu, bulk delete and the detail page read the same
// list. Heat answers at once and works on: the page marks the stack pending and polls it (and its events) until
// its status shows the action's own outcome. What Heat refuses (a lock held, abandon disabled) comes back in its
// words.
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { isInProgress, splitStatus } from '../../resources/stacks/stack-state';
import {
  abandonStackRequest,
  adoptStackRequest,
  deleteStackRequest,
  stackActionRequest,
  type StackActionName,
} from '../../resources/stacks/stack-actions';
import { stackKeys, stackRef } from '../../resources/stacks/stacks';
import type { StackSummary } from '../../resources/stacks/types';
import { AbandonAnswer } from './components/abandon-answer';
import { AdoptForm } from './components/adopt-form';
import { DeletedResources } from './components/deleted-resources';
import { emptyAdoptInput, isValidStackName, parseAbandonData, type AdoptInput } from './inputs';

export type StackAction<Input = undefined> = ActionDeclaration<StackSummary, Input>;

/** The stack and what it holds (resources, template...) are read again; the list's pages get the polled stack. */
const affectsStack = (scope: QueryScope, stack: StackSummary) => [stackKeys.detail(scope, stack.id)];

const actionOf = (stack: Pick<StackSummary, 'stack_status'>) => splitStatus(stack.stack_status).action;

/** A nested stack is its parent's to change: Heat would let it drift from what the parent's template says. */
const nestedReason = (stack: StackSummary) => (stack.parent ? ('stacks.unavailable.nested' as const) : null);

/** Heat holds a stack's lock while it works on it: another action would be refused. */
const busyReason = (stack: StackSummary) => nestedReason(stack) ?? (isInProgress(stack.stack_status) ? ('stacks.unavailable.inProgress' as const) : null);

/** An action POSTed to `.../actions`; done once the stack shows `settlesAs` (its Heat action) settled, if given. */
function postedAction(
  id: string,
  action: StackActionName,
  { unavailableReason, cli, settlesAs }: Pick<StackAction, 'unavailableReason'> & { cli: (stack: StackSummary) => string[]; settlesAs?: string },
): StackAction {
  return {
    id,
    label: `stacks.actions.${id}.label` as StackAction['label'],
    unavailableReason,
    affects: affectsStack,
    request: (stack) => [stackActionRequest(stackRef(stack), action)],
    cli: (stack) => [cli(stack)],
    done: settlesAs === undefined ? undefined : (stack) => actionOf(stack) === settlesAs,
  };
}

const suspend = postedAction('suspend', 'suspend', {
  settlesAs: 'SUSPEND',
  unavailableReason: (stack) => busyReason(stack) ?? (stack.stack_status === 'SUSPEND_COMPLETE' ? 'stacks.unavailable.suspended' : null),
  cli: (stack) => ['stack', 'suspend', stack.id],
});

/** Heat resumes what a suspend (or a failed resume) left. */
const resume = postedAction('resume', 'resume', {
  settlesAs: 'RESUME',
  unavailableReason: (stack) =>
    busyReason(stack) ?? (actionOf(stack) === 'SUSPEND' || stack.stack_status === 'RESUME_FAILED' ? null : 'stacks.unavailable.notSuspended'),
  cli: (stack) => ['stack', 'resume', stack.id],
});

/** Heat asks each resource's service whether it still exists as Heat left it. */
const check = postedAction('check', 'check', { settlesAs: 'CHECK', unavailableReason: busyReason, cli: (stack) => ['stack', 'check', stack.id] });

/** Only an update can be cancelled with a rollback (heat/engine/service.py stack_cancel_update). */
const cancelUpdate = postedAction('cancel-update', 'cancel_update', {
  settlesAs: 'ROLLBACK',
  unavailableReason: (stack) => nestedReason(stack) ?? (stack.stack_status === 'UPDATE_IN_PROGRESS' ? null : 'stacks.unavailable.noUpdate'),
  cli: (stack) => ['stack', 'cancel', stack.id],
});

/** A create or an update stopped where it is: the resources made so far stay; the stack keeps its action, FAILED. */
const cancelWithoutRollback = postedAction('cancel-without-rollback', 'cancel_without_rollback', {
  unavailableReason: (stack) =>
    nestedReason(stack) ?? (stack.stack_status === 'UPDATE_IN_PROGRESS' || stack.stack_status === 'CREATE_IN_PROGRESS' ? null : 'stacks.unavailable.noCreateOrUpdate'),
  cli: (stack) => ['stack', 'cancel', '--no-rollback', stack.id],
});

/** Heat deletes what the stack made, even while it is still making it (the create stops). */
const deleteStack: StackAction = {
  id: 'delete',
  label: 'stacks.actions.delete.label',
  unavailableReason: (stack) => nestedReason(stack) ?? (stack.stack_status === 'DELETE_IN_PROGRESS' ? 'stacks.unavailable.deleting' : null),
  affects: affectsStack,
  request: (stack) => [deleteStackRequest(stackRef(stack))],
  cli: (stack) => [['stack', 'delete', '--yes', stack.id]],
  confirmation: { message: 'stacks.actions.delete.confirm', destructive: true, Details: DeletedResources },
  done: (stack) => actionOf(stack) === 'DELETE',
  bulk: true,
};

/**
 * Heat forgets the stack and answers what it knew of it, once: the resources stay where they are, outside any
 * stack, until a stack adopts them. Where the cloud disables it, Heat says "Stack Abandon is not supported".
 */
export const abandonStack: StackAction = {
  id: 'abandon',
  label: 'stacks.actions.abandon.label',
  unavailableReason: busyReason,
  affects: affectsStack,
  request: (stack) => [abandonStackRequest(stackRef(stack))],
  cli: (stack) => [['stack', 'abandon', '--output-file', `${stack.stack_name}-abandon.json`, stack.id]],
  confirmation: { message: 'stacks.actions.abandon.confirm', destructive: true },
  done: (stack) => actionOf(stack) === 'DELETE',
  answer: { View: AbandonAnswer },
};

/** A new stack made from abandon data: it takes the abandoned resources back without creating them again. */
export const adoptStack: ActionDeclaration<ProjectTarget, AdoptInput> = {
  id: 'adopt',
  label: 'stacks.actions.adopt.label',
  unavailableReason: () => null,
  affects: (scope) => [stackKeys.all(scope)],
  request: (_project, input) => [
    adoptStackRequest({
      name: input.name.trim(),
      data: input.data,
      files: parseAbandonData(input.data)?.files ?? {},
      disableRollback: !input.rollback,
    }),
  ],
  cli: (_project, input) => [
    ['stack', 'adopt', '--adopt-file', input.fileName || 'abandon.json', ...(input.rollback ? ['--enable-rollback'] : []), input.name.trim()],
  ],
  input: {
    initial: emptyAdoptInput,
    invalidReason: (input) => {
      if (!isValidStackName(input.name.trim())) return 'stacks.actions.adopt.invalidName';
      return parseAbandonData(input.data) ? null : 'stacks.actions.adopt.invalidData';
    },
    Form: AdoptForm,
  },
};

/** Actions on a stack, in menu order: what pauses or checks it, what stops an update, then what ends it. */
export const stackActions: readonly AnyActionDeclaration<StackSummary>[] = [
  suspend,
  resume,
  check,
  cancelUpdate,
  cancelWithoutRollback,
  abandonStack,
  deleteStack,
];

export const bulkStackActions = stackActions.filter((action) => action.bulk);

export const identifyStack = (stack: StackSummary) => ({ id: stack.id, name: stack.stack_name });
