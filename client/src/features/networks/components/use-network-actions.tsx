// The network and subnet actions as a page offers them. Neutron answers synchronously (no polling): after every
// attempt the networks, subnets and ports are read again, so a refusal shows next to the current state.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { portKeys } from '../../../resources/ports/ports';
import { networkActions, subnetActions } from '../actions';
import { networkKeys, subnetKeys } from '../../../resources/networks/networks';
import type { Network, Subnet } from '../../../resources/networks/types';

function useNetworkInvalidation() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useCallback(() => {
    // A subnet change shows in its network (its `subnets`), a deletion refused shows in the blocking ports.
    for (const keys of [networkKeys, subnetKeys, portKeys]) void queryClient.invalidateQueries({ queryKey: keys.all(scope) });
  }, [queryClient, scope]);
}

const identifyNetwork = (network: Network) => ({ id: network.id, name: network.name || network.id });
const identifySubnet = (subnet: Subnet) => ({ id: subnet.id, name: subnet.name || subnet.cidr });

export function useNetworkActions({ onSucceeded }: { onSucceeded?: (network: Network, action: { id: string }) => void } = {}) {
  const onAttempted = useNetworkInvalidation();
  return useResourceActions<Network>({ actions: networkActions, identify: identifyNetwork, onAttempted, onSucceeded });
}

export function useSubnetActions() {
  const onAttempted = useNetworkInvalidation();
  return useResourceActions<Subnet>({ actions: subnetActions, identify: identifySubnet, onAttempted });
}
