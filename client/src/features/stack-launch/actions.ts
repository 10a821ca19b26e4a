// Launching and updating a stack, declared once (lib/actions): Heat's call and the `openstack stack ...` command
// doing the same. Heat answers both at once (201 with the new id, 202) and works on: the pages then watch the stack
// (resources/stacks/stack-watch) so the stack's page and the list poll it until it settles.
import type { ActionDeclaration, ActionRequest, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { stackKeys, stackPath, stacksPath, type StackRef } from '../../resources/stacks/stacks';
import type { CreatedStack } from '../../resources/stacks/types';
import { stackCreateBody, stackCreateCli, stackUpdateBody, stackUpdateCli, type StackChange, type StackLaunch } from './model/stack-request';

const affectsStacks = (scope: QueryScope) => [stackKeys.all(scope)];

export function stackCreateRequest(launch: StackLaunch): ActionRequest<CreatedStack> {
  return { method: 'POST', path: stacksPath, body: stackCreateBody(launch) };
}

export const launchStack: ActionDeclaration<ProjectTarget, StackLaunch> = {
  id: 'launch',
  label: 'stack-launch.actions.launch',
  unavailableReason: () => null,
  affects: affectsStacks,
  request: (_project, launch) => [stackCreateRequest(launch)],
  cli: (_project, launch) => [stackCreateCli(launch)],
};

export const updateStack: ActionDeclaration<StackRef, StackChange> = {
  id: 'update',
  label: 'stack-launch.actions.update',
  unavailableReason: () => null,
  affects: affectsStacks,
  // PATCH (`--existing`): what the change does not name (parameters, environment, template) stays as it is.
  request: (stack, change) => [{ method: 'PATCH', path: stackPath(stack), body: stackUpdateBody(change) }],
  cli: (stack, change) => [stackUpdateCli(stack.name, change)],
};
