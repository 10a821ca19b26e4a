// A resource's declared actions as a page offers them: menu items with the reason an action is unavailable (the
// resource's state, or the cloud's refusal by policy in this scope, in the service's words), a dialog for the
// actions that need input or confirmation (and for any action on several resources), the failures to show. After
// every attempt, the caches each action declares it affects are read again (see the runner).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalFor, useRefusals } from '../capabilities/refusals';
import type { Scope } from '../scope';
import type { MenuItem } from '../ui/menu';
import { ActionDialog } from './action-dialog';
import { ActionsApiDialog, runsDirectly } from './actions-api-list';
import type { AnyActionDeclaration, ProjectTarget } from './types';
import { useActionRunner, type ActionRunnerOptions } from './use-action-runner';

export interface ResourceActionsOptions<Resource> extends ActionRunnerOptions<Resource> {
  /** The actions a row menu offers by default. */
  actions: readonly AnyActionDeclaration<Resource>[];
}

export function useResourceActions<Resource>({ actions, identify, onAttempted, onSucceeded }: ResourceActionsOptions<Resource>) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<{ action: AnyActionDeclaration<Resource>; resources: Resource[] } | null>(null);
  /** The resource whose directly-run actions are shown as CLI and HTTP. */
  const [apiViews, setApiViews] = useState<{ resource: Resource; actions: readonly AnyActionDeclaration<Resource>[] } | null>(null);
  const runner = useActionRunner<Resource>({ identify, onAttempted, onSucceeded });
  const refusals = useRefusals();

  const trigger = useCallback(
    (action: AnyActionDeclaration<Resource>, resources: Resource[]) => {
      if (action.input || action.confirmation || resources.length > 1) setDialog({ action, resources });
      else void runner.run(action, resources, undefined);
    },
    [runner],
  );

  const menuItems = (resource: Resource, offered: readonly AnyActionDeclaration<Resource>[] = actions): MenuItem[] => {
    const items: MenuItem[] = offered.map((action) => {
      const reason = action.unavailableReason(resource);
      const refusal = refusalFor(refusals, action.label, identify(resource).id);
      return {
        id: action.id,
        label: t(action.label),
        unavailableReason: reason ? t(reason) : refusal ? t('capabilities.refused', { reason: refusal.message }) : null,
        destructive: action.confirmation?.destructive,
        onSelect: () => trigger(action, [resource]),
      };
    });
    // Actions that run straight away have no dialog to show their CLI and HTTP in: the menu offers it for them.
    const direct = offered.filter((action) => runsDirectly(action) && action.unavailableReason(resource) === null);
    if (direct.length > 0) {
      items.push({ id: 'api-views', label: t('apiViews.menuItem'), onSelect: () => setApiViews({ resource, actions: direct }) });
    }
    return items;
  };

  const dialogElement = dialog && (
    <ActionDialog
      action={dialog.action}
      resources={dialog.resources}
      nameOf={(resource) => identify(resource).name}
      run={runner.run}
      onClose={() => setDialog(null)}
    />
  );

  const apiViewsElement = apiViews && (
    <ActionsApiDialog
      actions={apiViews.actions}
      resource={apiViews.resource}
      name={identify(apiViews.resource).name}
      onClose={() => setApiViews(null)}
    />
  );

  return { menuItems, trigger, dialogElement: dialogElement ?? apiViewsElement, failures: runner.failures, dismissFailure: runner.dismiss };
}

/** For actions on the project itself (creating something in it): the project names itself in failures. */
export const identifyProject = (project: ProjectTarget) => project;

/** The page's project, as the target of a project-level action. */
export const projectTarget = (scope: Scope): ProjectTarget => ({ id: scope.projectId, name: scope.projectName });
