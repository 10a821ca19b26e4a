// Every network and subnet action, declared once (lib/actions): the Neutron call and the `openstack` command
// doing the same. Neutron answers these writes synchronously; what it refuses (a network or subnet still in use,
// an overlapping CIDR, a policy) comes back with its message and request id. Creating a network (with its first
// subnet) is declared in new-network.ts, for its own dialog.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import type { SubnetInput } from './inputs';
import { networkKeys, networkPath, subnetKeys, subnetPath } from '../../resources/networks/networks';
import { portKeys } from '../../resources/ports/ports';
import { DeleteNetworkCheck, DeleteSubnetCheck } from './components/blocking-ports';
import { EditNetworkForm } from './components/network-form';
import { AddSubnetForm, EditSubnetForm } from './components/subnet-form';
import {
  hasNetworkChanges,
  networkChanges,
  networkProblem,
  networkSettingsOf,
  networkUpdateCli,
  type NetworkSettings,
} from './network-draft';
import {
  emptySubnetDraft,
  hasSubnetChanges,
  subnetChanges,
  subnetCreateCli,
  subnetDraftOf,
  subnetIssues,
  subnetCreateRequest,
  subnetProblemKey,
  subnetUpdateCli,
} from './subnet-draft';
import type { Network, Subnet } from '../../resources/networks/types';

/** A subnet change shows in its network (its `subnets`), a deletion refused shows in the blocking ports. */
const affectsNetworks = (scope: QueryScope) => [networkKeys, subnetKeys, portKeys].map((keys) => keys.all(scope));

export type NetworkAction<Input = undefined> = ActionDeclaration<Network, Input>;

const networkProblemKey = (problem: string) => `networks.problems.${problem}` as ParseKeys;

const edit: NetworkAction<NetworkSettings> = {
  id: 'edit',
  label: 'networks.actions.edit.label',
  unavailableReason: () => null,
  affects: affectsNetworks,
  request: (network, settings) => [{ method: 'PUT', path: networkPath(network.id), body: { network: networkChanges(network, settings) } }],
  cli: (network, settings) => [networkUpdateCli(network, networkChanges(network, settings))],
  input: {
    initial: networkSettingsOf,
    invalidReason: (settings, network) => {
      const problem = networkProblem(settings) ?? (hasNetworkChanges(networkChanges(network, settings)) ? null : 'unchanged');
      return problem ? networkProblemKey(problem) : null;
    },
    Form: EditNetworkForm,
  },
};

export const addSubnet: NetworkAction<SubnetInput> = {
  id: 'add-subnet',
  label: 'networks.actions.add-subnet.label',
  unavailableReason: () => null,
  affects: affectsNetworks,
  request: (network, { draft }) => [subnetCreateRequest(network.id, draft)],
  cli: (network, { draft }) => [subnetCreateCli(network.name || network.id, draft)],
  input: {
    initial: () => ({ draft: emptySubnetDraft(), siblings: [] }),
    invalidReason: ({ draft, siblings }) => {
      const issue = subnetIssues(draft, siblings)[0];
      return issue ? subnetProblemKey(issue.problem) : null;
    },
    quota: { service: 'network', adds: () => ({ subnets: 1 }) },
    Form: AddSubnetForm,
  },
};

const deleteNetwork: NetworkAction<null> = {
  id: 'delete',
  removes: true,
  label: 'networks.actions.delete.label',
  unavailableReason: () => null,
  affects: affectsNetworks,
  request: (network) => [{ method: 'DELETE', path: networkPath(network.id) }],
  cli: (network) => [['network', 'delete', network.id]],
  confirmation: { message: 'networks.actions.delete.confirm', destructive: true },
  // The form lists the ports in use on the network: Neutron's refusal does not name them.
  input: { initial: () => null, Form: DeleteNetworkCheck },
};

/** Actions on a network, in menu order. */
export const networkActions: readonly AnyActionDeclaration<Network>[] = [edit, addSubnet, deleteNetwork];

export type SubnetAction<Input = undefined> = ActionDeclaration<Subnet, Input>;

const editSubnet: SubnetAction<SubnetInput> = {
  id: 'edit-subnet',
  label: 'networks.actions.edit-subnet.label',
  unavailableReason: () => null,
  affects: affectsNetworks,
  request: (subnet, { draft }) => [{ method: 'PUT', path: subnetPath(subnet.id), body: { subnet: subnetChanges(subnet, draft) } }],
  cli: (subnet, { draft }) => [subnetUpdateCli(subnet, subnetChanges(subnet, draft))],
  input: {
    initial: (subnet) => ({ draft: subnetDraftOf(subnet), siblings: [] }),
    invalidReason: ({ draft }, subnet) => {
      const issue = subnetIssues(draft)[0];
      if (issue) return subnetProblemKey(issue.problem);
      return hasSubnetChanges(subnetChanges(subnet, draft)) ? null : subnetProblemKey('unchanged');
    },
    Form: EditSubnetForm,
  },
};

const deleteSubnet: SubnetAction<null> = {
  id: 'delete-subnet',
  label: 'networks.actions.delete-subnet.label',
  unavailableReason: () => null,
  affects: affectsNetworks,
  request: (subnet) => [{ method: 'DELETE', path: subnetPath(subnet.id) }],
  cli: (subnet) => [['subnet', 'delete', subnet.id]],
  confirmation: { message: 'networks.actions.delete-subnet.confirm', destructive: true },
  input: { initial: () => null, Form: DeleteSubnetCheck },
};

export const subnetActions: readonly AnyActionDeclaration<Subnet>[] = [editSubnet, deleteSubnet];

export const identifyNetwork = (network: Network) => ({ id: network.id, name: network.name || network.id, page: `/networks/${encodeURIComponent(network.id)}` });
export const identifySubnet = (subnet: Subnet) => ({ id: subnet.id, name: subnet.name || subnet.cidr });
