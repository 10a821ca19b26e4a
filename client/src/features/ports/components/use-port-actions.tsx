// The port actions as a page offers them. Neutron answers synchronously (no polling): after every attempt the
// ports (and the networks' views of them) are read again.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import type { ProjectTarget } from '../../../resources/networks/types';
import { portActions } from '../actions';
import { portKeys } from '../../../resources/ports/ports';
import type { Port } from '../../../resources/ports/types';

function usePortInvalidation() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: portKeys.all(scope) }), [queryClient, scope]);
}

const identifyPort = (port: Port) => ({ id: port.id, name: port.name || port.id });
const identifyProject = (project: ProjectTarget) => project;

export function usePortActions({ onSucceeded }: { onSucceeded?: (port: Port, action: { id: string }) => void } = {}) {
  const onAttempted = usePortInvalidation();
  return useResourceActions<Port>({ actions: portActions, identify: identifyPort, onAttempted, onSucceeded });
}

/** "Create port" is an action on the project: same dialog, CLI view and failure display as the others. */
export function usePortCreation() {
  const onAttempted = usePortInvalidation();
  return useResourceActions<ProjectTarget>({ actions: [], identify: identifyProject, onAttempted });
}
