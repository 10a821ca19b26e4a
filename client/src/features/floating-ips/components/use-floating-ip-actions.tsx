// The floating IP actions as a page offers them. After every attempt the floating IPs are read again (Neutron
// answers synchronously: no polling), so a refusal shows next to the current association.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import type { ProjectTarget } from '../../../resources/routers/types';
import { floatingIpActions } from '../actions';
import { floatingIpKeys } from '../../../resources/floating-ips/floating-ips';
import type { FloatingIp } from '../../../resources/floating-ips/types';

function useFloatingIpInvalidation() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: floatingIpKeys.all(scope) }), [queryClient, scope]);
}

const identify = (floatingIp: FloatingIp) => ({ id: floatingIp.id, name: floatingIp.floating_ip_address });

export function useFloatingIpActions() {
  const onAttempted = useFloatingIpInvalidation();
  return useResourceActions<FloatingIp>({ actions: floatingIpActions, identify, onAttempted });
}

const identifyProject = (project: ProjectTarget) => project;

/** "Allocate" is an action on the project: same dialog, CLI view and failure display as the others. */
export function useFloatingIpAllocation() {
  const onAttempted = useFloatingIpInvalidation();
  return useResourceActions<ProjectTarget>({ actions: [], identify: identifyProject, onAttempted });
}
