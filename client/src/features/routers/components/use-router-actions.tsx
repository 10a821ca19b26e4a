// The router actions as a page offers them. After every attempt the routers (and, when ports changed, the interfaces
// and ports) are read again (Neutron answers synchronously: no polling), so a refusal shows next to the current state.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import type { ActionRunnerOptions } from '../../../lib/actions/use-action-runner';
import { useScope } from '../../../lib/scope';
import { portKeys } from '../../../resources/ports/ports';
import { removeInterface, removeStaticRoute, routerActions } from '../actions';
import { routerInterfaceKeys, routerKeys } from '../../../resources/routers/routers';
import type { ProjectTarget, Router, RouterInterface, RouterStaticRoute } from '../../../resources/routers/types';

/** Actions that make or remove ports (interfaces): the ports lists must see them come and go too. */
const portChanging = new Set(['add-interface', 'remove-interface']);

function useRouterInvalidation() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useCallback(
    (_resource: unknown, action: { id: string }) => {
      const keys = portChanging.has(action.id) ? [routerKeys, routerInterfaceKeys, portKeys] : [routerKeys];
      for (const key of keys) void queryClient.invalidateQueries({ queryKey: key.all(scope) });
    },
    [queryClient, scope],
  );
}

const identifyRouter = (router: Router) => ({ id: router.id, name: router.name || router.id });

export function useRouterActions({ onSucceeded }: { onSucceeded?: ActionRunnerOptions<Router>['onSucceeded'] } = {}) {
  const onAttempted = useRouterInvalidation();
  return useResourceActions<Router>({ actions: routerActions, identify: identifyRouter, onAttempted, onSucceeded });
}

const identifyProject = (project: ProjectTarget) => project;

/** "Create router" is an action on the project: same dialog, CLI view and failure display as the others. */
export function useRouterCreation() {
  const onAttempted = useRouterInvalidation();
  return useResourceActions<ProjectTarget>({ actions: [], identify: identifyProject, onAttempted });
}

const identifyInterface = ({ port }: RouterInterface) => ({
  id: port.id,
  name: port.fixed_ips.map((ip) => ip.ip_address).join(', ') || port.id,
});

export function useInterfaceActions() {
  const onAttempted = useRouterInvalidation();
  return useResourceActions<RouterInterface>({ actions: [removeInterface], identify: identifyInterface, onAttempted });
}

const identifyRoute = ({ route }: RouterStaticRoute) => {
  const name = `${route.destination} → ${route.nexthop}`;
  return { id: name, name };
};

export function useStaticRouteActions() {
  const onAttempted = useRouterInvalidation();
  return useResourceActions<RouterStaticRoute>({ actions: [removeStaticRoute], identify: identifyRoute, onAttempted });
}
