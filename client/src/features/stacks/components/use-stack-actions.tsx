// The stack actions as the list and the detail page offer them: each action Heat accepted marks the stack pending, so
// the page polls that stack (and the detail page its events) until Heat's answer, read after the write, shows the
// action's own outcome. (A refused one is shown with Heat's reason; the stack is read again, not watched: the outcome
// it waits for would never come.) The menu also offers "Update", a page of its own.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import type { MenuItem } from '../../../lib/ui/menu';
import { isInProgress } from '../../../resources/stacks/stack-state';
import { watchStack } from '../../../resources/stacks/stack-watch';
import { stackPagePath, stackRef } from '../../../resources/stacks/stacks';
import type { StackSummary } from '../../../resources/stacks/types';
import { identifyStack, stackActions } from '../actions';

export function useStackActions() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onSucceeded = useCallback((stack: StackSummary, action: ActionSummary<StackSummary>) => watchStack(stack.id, action.done), []);
  const actions = useResourceActions<StackSummary>({ actions: stackActions, identify: identifyStack, onSucceeded });

  /** "Update" first (the update page), then the declared actions. */
  const menuItems = (stack: StackSummary): MenuItem[] => {
    const updateReason = stack.parent ? 'stacks.unavailable.nested' : isInProgress(stack.stack_status) ? 'stacks.unavailable.inProgress' : null;
    const update: MenuItem = {
      id: 'update',
      label: t('stacks.actions.update.label'),
      unavailableReason: updateReason && t(updateReason),
      onSelect: () => void navigate(`${stackPagePath(stackRef(stack))}/update`),
    };
    return [update, ...actions.menuItems(stack)];
  };

  return { ...actions, menuItems };
}
