// Every port action, declared once (lib/actions): the Neutron call and the `openstack port` command doing the
// same. Neutron answers synchronously; what it refuses (an address taken, a MAC in use, groups on a port without
// port security, a policy) comes back with its message and request id.
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { portKeys, portPath, portsPath } from '../../resources/ports/ports';
import { CreatePortForm, EditPortForm } from './components/port-form';
import { emptyPortSettings, hasPortChanges, portChanges, portCreateBody, portCreateCli, portIssues, portProblemKey, portSettingsOf, portUpdateCli, type PortSettings } from './port-draft';
import type { Port } from '../../resources/ports/types';

const affectsPorts = (scope: QueryScope) => [portKeys.all(scope)];

export type PortAction<Input = undefined> = ActionDeclaration<Port, Input>;


/** "Create port" on the project; `networkId` preselects a network (the ports page filtered by one). */
export function createPort(networkId = ''): ActionDeclaration<ProjectTarget, PortSettings> {
  return {
    id: 'create',
    label: 'ports.actions.create.label',
    unavailableReason: () => null,
    affects: affectsPorts,
    request: (_project, settings) => [{ method: 'POST', path: portsPath, body: portCreateBody(settings) }],
    cli: (_project, settings) => [portCreateCli(settings)],
    input: {
      initial: () => emptyPortSettings(networkId),
      invalidReason: (settings) => {
        const issue = portIssues(settings)[0];
        return issue ? portProblemKey(issue.problem) : null;
      },
      quota: { service: 'network', adds: () => ({ ports: 1 }) },
      Form: CreatePortForm,
    },
  };
}

const edit: PortAction<PortSettings> = {
  id: 'edit',
  label: 'ports.actions.edit.label',
  unavailableReason: () => null,
  affects: affectsPorts,
  request: (port, settings) => [{ method: 'PUT', path: portPath(port.id), body: { port: portChanges(port, settings) } }],
  cli: (port, settings) => [portUpdateCli(port, portChanges(port, settings))],
  input: {
    initial: portSettingsOf,
    invalidReason: (settings, port) => {
      const issue = portIssues(settings)[0];
      if (issue) return portProblemKey(issue.problem);
      return hasPortChanges(portChanges(port, settings)) ? null : portProblemKey('unchanged');
    },
    Form: EditPortForm,
  },
};

const deletePort: PortAction = {
  id: 'delete',
  removes: true,
  label: 'ports.actions.delete.label',
  // A server's or a router's port goes with a detach, from their own pages: Neutron would refuse the others.
  unavailableReason: (port) =>
    port.device_owner.startsWith('network:') ? 'ports.actions.delete.ownedByNetwork' : null,
  affects: affectsPorts,
  request: (port) => [{ method: 'DELETE', path: portPath(port.id) }],
  cli: (port) => [['port', 'delete', port.id]],
  confirmation: { message: 'ports.actions.delete.confirm', destructive: true },
  bulk: true,
};

/** Actions on a port, in menu order. */
export const portActions: readonly AnyActionDeclaration<Port>[] = [edit, deletePort];

export const bulkPortActions = portActions.filter((action) => action.bulk);

export const identifyPort = (port: Port) => ({ id: port.id, name: port.name || port.id, page: `/ports/${encodeURIComponent(port.id)}` });
