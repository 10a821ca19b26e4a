// A page's view of what the cloud allows in its scope (see capability.ts): the probe is sent the first time a page
// asks, in the background, and its answer is shared by every page of the scope.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useScope } from '../scope';
import { capabilityQueryOptions, capabilityState, type CapabilityProbe, type CapabilityState } from './capability';

export function useCapability(probe: CapabilityProbe): CapabilityState {
  return capabilityState(useQuery(capabilityQueryOptions(useScope(), probe)));
}

/** Several probes at once, in the order given. */
export function useCapabilities(probes: readonly CapabilityProbe[]): CapabilityState[] {
  const scope = useScope();
  return useQueries({ queries: probes.map((probe) => capabilityQueryOptions(scope, probe)) }).map(capabilityState);
}

/**
 * Starts the probes a page's forms will need, without waiting for them or re-rendering on their answers: the form
 * then opens with its options already decided.
 */
export function usePrefetchCapabilities(probes: readonly CapabilityProbe[]) {
  const scope = useScope();
  const queryClient = useQueryClient();
  useEffect(() => {
    for (const probe of probes) void queryClient.prefetchQuery(capabilityQueryOptions(scope, probe));
  }, [queryClient, scope, probes]);
}
