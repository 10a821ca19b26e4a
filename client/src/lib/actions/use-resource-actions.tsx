// A resource's declared actions as a page offers them: menu items with the reason an action is unavailable (the
// resource's state, or the cloud's refusal by policy in this scope, in the service's words), the same refusals for
// the bulk bar over a selection, a dialog for the actions that need input or confirmation (and for any action on
// several resources, leaving out those it is unavailable on), the failures to show. After every attempt, the caches
// each action declares it affects are read again (see the runner).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalFor, useRefusals } from '../capabilities/refusals';
import type { Scope } from '../scope';
import type { SelectionRefusal } from '../ui/bulk-bar';
import type { MenuItem } from '../ui/menu';
import { ActionDialog } from './action-dialog';
import { ActionsApiDialog, runsDirectly } from './actions-api-list';
import type { AnyActionDeclaration, ProjectTarget } from './types';
import { useActionRunner, type ActionRunnerOptions } from './use-action-runner';

export interface ResourceActionsOptions<Resource> extends ActionRunnerOptions<Resource> {
  /** The actions a row menu offers by default. */
  actions: readonly AnyActionDeclaration<Resource>[];
}

export function useResourceActions<Resource>({ actions, identify, onAttempted, onSucceeded, scopeOf }: ResourceActionsOptions<Resource>) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<{ action: AnyActionDeclaration<Resource>; resources: Resource[] } | null>(null);
  /** The resource whose directly-run actions are shown as CLI and HTTP. */
  const [apiViews, setApiViews] = useState<{ resource: Resource; actions: readonly AnyActionDeclaration<Resource>[] } | null>(null);
  const runner = useActionRunner<Resource>({ identify, onAttempted, onSucceeded, scopeOf });
  const refusals = useRefusals();

  const trigger = useCallback(
    (action: AnyActionDeclaration<Resource>, resources: Resource[]) => {
      if (action.input || action.confirmation || resources.length > 1) setDialog({ action, resources });
      else void runner.run(action, resources, undefined);
    },
    [runner],
  );

  /** Why the action is not offered on the resource: its state, or the cloud's refusal there, in the service's words. */
  const unavailable = (action: AnyActionDeclaration<Resource>, resource: Resource): string | null => {
    const reason = action.unavailableReason(resource);
    if (reason) return t(reason);
    const refusal = refusalFor(refusals, action.label, identify(resource).id);
    return refusal ? t('capabilities.refused', { reason: refusal.message }) : null;
  };

  /**
   * What the cloud refused of `action` among the selected resources, for the bulk bar: the service's reasons, and
   * whether it refused it on every one of them (then nothing is left to run).
   */
  const selectionRefusal = (action: AnyActionDeclaration<Resource>, resources: readonly Resource[]): SelectionRefusal | null => {
    const refused = resources.flatMap((resource) => refusalFor(refusals, action.label, identify(resource).id) ?? []);
    if (refused.length === 0) return null;
    const reason = [...new Set(refused.map((refusal) => refusal.message))].join(' · ');
    const all = refused.length === resources.length;
    return {
      all,
      reason: all ? t('capabilities.refused', { reason }) : t('capabilities.refusedOnSome', { count: refused.length, total: resources.length, reason }),
    };
  };

  const menuItems = (resource: Resource, offered: readonly AnyActionDeclaration<Resource>[] = actions): MenuItem[] => {
    const items: MenuItem[] = offered.map((action) => ({
      id: action.id,
      label: t(action.label),
      unavailableReason: unavailable(action, resource),
      destructive: action.confirmation?.destructive,
      onSelect: () => trigger(action, [resource]),
    }));
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
      unavailable={(resource) => unavailable(dialog.action, resource)}
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

  return {
    menuItems,
    trigger,
    selectionRefusal,
    dialogElement: dialogElement ?? apiViewsElement,
    failures: runner.failures,
    dismissFailure: runner.dismiss,
  };
}

/** For actions on the project itself (creating something in it): the project names itself in failures. */
export const identifyProject = (project: ProjectTarget) => project;

/** The page's project, as the target of a project-level action. */
export const projectTarget = (scope: Scope): ProjectTarget => ({ id: scope.projectId, name: scope.projectName });
