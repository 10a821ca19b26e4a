// Every floating IP action, declared once (lib/actions): when the floating IP's state allows it, the Neutron call
// (the same request builders the instance actions use), and the `openstack` command doing the same.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import type { AllocationInput, AssociationInput } from './inputs';
import { parseIp } from '../../lib/net/ip';
import {
  allocateFloatingIpRequest,
  associateFloatingIpRequest,
  disassociateFloatingIpRequest,
  floatingIpKeys,
  releaseFloatingIpRequest,
} from '../../resources/floating-ips/floating-ips';
import { AllocateForm, AssociateForm } from './components/action-forms';
import type { FloatingIp } from '../../resources/floating-ips/types';

const affectsFloatingIps = (scope: QueryScope) => [floatingIpKeys.all(scope)];

export type FloatingIpAction<Input = undefined> = ActionDeclaration<FloatingIp, Input>;

const problemKey = (problem: string) => `floating-ips.problems.${problem}` as ParseKeys;

function allocationOf(input: AllocationInput) {
  return {
    networkId: input.networkId,
    floatingIpAddress: input.address.trim() || undefined,
    description: input.description.trim() || undefined,
  };
}

export const allocateFloatingIp: ActionDeclaration<ProjectTarget, AllocationInput> = {
  id: 'allocate',
  label: 'floating-ips.actions.allocate.label',
  unavailableReason: () => null,
  affects: affectsFloatingIps,
  request: (_project, input) => [allocateFloatingIpRequest(allocationOf(input))],
  cli: (_project, input) => {
    const allocation = allocationOf(input);
    return [
      [
        'floating',
        'ip',
        'create',
        ...(allocation.floatingIpAddress ? ['--floating-ip-address', allocation.floatingIpAddress] : []),
        ...(allocation.description ? ['--description', allocation.description] : []),
        input.networkId,
      ],
    ];
  },
  input: {
    initial: () => ({ networkId: '', address: '', description: '' }),
    invalidReason: (input) => {
      if (input.networkId === '') return problemKey('networkMissing');
      // Floating IPs are IPv4 (Neutron's external subnets for them are IPv4 only).
      if (input.address.trim() !== '' && parseIp(input.address)?.version !== 4) return problemKey('addressInvalid');
      return null;
    },
    quota: { service: 'network', adds: () => ({ 'floating-ips': 1 }) },
    Form: AllocateForm,
  },
};

export const associate: FloatingIpAction<AssociationInput> = {
  id: 'associate',
  label: 'floating-ips.actions.associate.label',
  unavailableReason: () => null,
  affects: affectsFloatingIps,
  request: (floatingIp, input) => [
    associateFloatingIpRequest({ floatingIpId: floatingIp.id, portId: input.portId, fixedIpAddress: input.fixedIpAddress || undefined }),
  ],
  cli: (floatingIp, input) => [
    ['floating', 'ip', 'set', '--port', input.portId, ...(input.fixedIpAddress ? ['--fixed-ip-address', input.fixedIpAddress] : []), floatingIp.id],
  ],
  input: {
    initial: (floatingIp) => ({ portId: floatingIp.port_id ?? '', fixedIpAddress: floatingIp.fixed_ip_address ?? '' }),
    invalidReason: (input, floatingIp) => {
      if (input.portId === '') return problemKey('portMissing');
      const same = input.portId === floatingIp.port_id && (input.fixedIpAddress || null) === (floatingIp.fixed_ip_address ?? null);
      return same ? problemKey('unchanged') : null;
    },
    Form: AssociateForm,
  },
};

export const disassociate: FloatingIpAction = {
  id: 'disassociate',
  label: 'floating-ips.actions.disassociate.label',
  unavailableReason: (floatingIp) => (floatingIp.port_id ? null : 'floating-ips.actions.disassociate.unavailable'),
  affects: affectsFloatingIps,
  request: (floatingIp) => [disassociateFloatingIpRequest(floatingIp.id)],
  cli: (floatingIp) => [['floating', 'ip', 'unset', '--port', floatingIp.id]],
  confirmation: { message: 'floating-ips.actions.disassociate.confirm' },
  bulk: true,
};

export const release: FloatingIpAction = {
  id: 'release',
  label: 'floating-ips.actions.release.label',
  unavailableReason: () => null,
  affects: affectsFloatingIps,
  request: (floatingIp) => [releaseFloatingIpRequest(floatingIp.id)],
  cli: (floatingIp) => [['floating', 'ip', 'delete', floatingIp.id]],
  confirmation: { message: 'floating-ips.actions.release.confirm', destructive: true },
  bulk: true,
};

/** Actions on a floating IP, in menu order. */
export const floatingIpActions: readonly AnyActionDeclaration<FloatingIp>[] = [associate, disassociate, release];

export const bulkFloatingIpActions = floatingIpActions.filter((action) => action.bulk);

export const identifyFloatingIp = (floatingIp: FloatingIp) => ({ id: floatingIp.id, name: floatingIp.floating_ip_address });
