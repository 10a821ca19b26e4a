// Creating a network, optionally with its first subnet, as one action: two Neutron calls in a row, the subnet's built
// from the id Neutron answered the network's with. When the subnet is refused the network exists: a retry with the
// accepted calls resumes after it (see useActionSubmission).
import { followedByCreated } from '../../lib/actions/follow-ups';
import type { ActionDeclaration, ActionRequest, ProjectTarget } from '../../lib/actions/types';
import { networkKeys, networksPath, subnetKeys } from '../../resources/networks/networks';
import type { Network } from '../../resources/networks/types';
import type { NewNetwork } from './inputs';
import { networkCreateBody, networkCreateCli, type NetworkSettings } from './network-draft';
import { subnetCreateCli, subnetCreateRequest } from './subnet-draft';

export function networkCreateRequest(settings: NetworkSettings): ActionRequest<{ network: Network }> {
  return { method: 'POST', path: networksPath, body: networkCreateBody(settings) };
}

export const createNetwork: ActionDeclaration<ProjectTarget, NewNetwork> = {
  id: 'create',
  label: 'networks.actions.create.label',
  unavailableReason: () => null,
  affects: (scope) => [networkKeys.all(scope), subnetKeys.all(scope)],
  request: (_project, { settings, subnet }) => [
    followedByCreated(networkCreateRequest(settings), ({ network }) => network.id, 'networks.http.createdNetwork', (networkId) =>
      subnet ? [subnetCreateRequest(networkId, subnet)] : [],
    ),
  ],
  // The subnet names its network as the network command does: by the name typed.
  cli: (_project, { settings, subnet }) => [networkCreateCli(settings), ...(subnet ? [subnetCreateCli(settings.name.trim(), subnet)] : [])],
};
