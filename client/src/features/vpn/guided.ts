// A whole site connection in one action: an IKE policy and an IPsec policy (Neutron's default algorithms), a VPN
// service on the router, a subnet endpoint group of the router's chosen subnets and a CIDR group of the peer's,
// then the connection joining them. Six Neutron calls in a row, each built from the id the one before it was
// answered with; when one is refused, what was made stays and a retry resumes after it (useActionSubmission). The
// CLI names the objects by name, as typed here, so the commands run as shown.
import { followedByCreated } from '../../lib/actions/follow-ups';
import type { ActionDeclaration, ActionRequest, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { endpointGroups, ikePolicies, ipsecPolicies, siteConnections, vpnServices, type VpnCollection } from '../../resources/vpn/vpn';
import { problemKey } from './actions';
import { GuidedConnectionForm } from './components/action-forms';
import {
  createBody,
  createCli,
  endpointGroupFields,
  ikePolicyFields,
  ipsecPolicyFields,
  newConnectionSettings,
  newIkePolicyDraft,
  newIpsecPolicyDraft,
  siteConnectionFields,
  vpnServiceFields,
  type Field,
} from './fields';
import type { EndpointGroupDraft, GuidedConnectionDraft, IkePolicyDraft, IpsecPolicyDraft, SiteConnectionDraft, VpnServiceDraft } from './inputs';
import { cliNoun } from './tabs';
import { nameProblem, siteConnectionProblem, type VpnProblem } from './validation';

/** The names of what the guided connection makes, from the connection's own. */
export function guidedNames(draft: GuidedConnectionDraft) {
  const name = draft.name.trim();
  return { ike: `${name}-ike`, ipsec: `${name}-ipsec`, service: `${name}-service`, local: `${name}-local`, peer: `${name}-peer`, connection: name };
}

interface Refs {
  service: string;
  ike: string;
  ipsec: string;
  local: string;
  peer: string;
}

function parts(draft: GuidedConnectionDraft) {
  const names = guidedNames(draft);
  const ike: IkePolicyDraft = { ...newIkePolicyDraft(), name: names.ike };
  const ipsec: IpsecPolicyDraft = { ...newIpsecPolicyDraft(), name: names.ipsec };
  const service: VpnServiceDraft = { name: names.service, description: '', adminStateUp: true, routerId: draft.routerId, subnetId: '' };
  const local: EndpointGroupDraft = { name: names.local, description: '', type: 'subnet', subnetIds: draft.localSubnetIds, endpoints: '' };
  const peer: EndpointGroupDraft = { name: names.peer, description: '', type: 'cidr', subnetIds: [], endpoints: draft.peerCidrs };
  const connection = (refs: Refs): SiteConnectionDraft => ({
    ...draft,
    vpnServiceId: refs.service,
    ikePolicyId: refs.ike,
    ipsecPolicyId: refs.ipsec,
    peerMode: 'groups',
    localEpGroupId: refs.local,
    peerEpGroupId: refs.peer,
    peerCidrs: '',
  });
  return { names, ike, ipsec, service, local, peer, connection };
}

function post<Item extends { id: string }, Draft>(kind: VpnCollection<Item>, fields: readonly Field<Draft>[], draft: Draft): ActionRequest<Record<string, Item>> {
  return { method: 'POST', path: kind.path, body: { [kind.member]: createBody(fields, draft) } };
}

/** `then` with the id of what `request` created, read from Neutron's answer under the kind's member key. */
function thenWithId<Item extends { id: string }, Draft>(
  kind: VpnCollection<Item>,
  fields: readonly Field<Draft>[],
  draft: Draft,
  what: Parameters<typeof followedByCreated>[2],
  then: (id: string) => ActionRequest[],
): ActionRequest {
  return followedByCreated(post(kind, fields, draft), (answer) => answer[kind.member]!.id, what, then);
}

function guidedProblem(draft: GuidedConnectionDraft): VpnProblem | null {
  if (nameProblem(draft)) return 'nameMissing';
  if (draft.routerId === '') return 'routerMissing';
  if (draft.localSubnetIds.length === 0) return 'localSubnetsMissing';
  // The connection's own checks, its peers given as CIDRs (they make the peer group).
  const { connection } = parts(draft);
  const placeholders = { service: '-', ike: '-', ipsec: '-', local: '-', peer: '-' };
  return siteConnectionProblem({ ...connection(placeholders), peerMode: 'cidrs', peerCidrs: draft.peerCidrs });
}

const affects = (scope: QueryScope) => [ikePolicies, ipsecPolicies, vpnServices, endpointGroups, siteConnections].map((kind) => kind.keys.all(scope));

export const createGuidedConnection: ActionDeclaration<ProjectTarget, GuidedConnectionDraft> = {
  id: 'create-guided',
  label: 'vpn.actions.guided',
  unavailableReason: () => null,
  affects,
  request: (_project, draft) => {
    const made = parts(draft);
    return [
      thenWithId(ikePolicies, ikePolicyFields, made.ike, 'vpn.guided.created.ike', (ike) => [
        thenWithId(ipsecPolicies, ipsecPolicyFields, made.ipsec, 'vpn.guided.created.ipsec', (ipsec) => [
          thenWithId(vpnServices, vpnServiceFields, made.service, 'vpn.guided.created.service', (service) => [
            thenWithId(endpointGroups, endpointGroupFields, made.local, 'vpn.guided.created.local', (local) => [
              thenWithId(endpointGroups, endpointGroupFields, made.peer, 'vpn.guided.created.peer', (peer) => [
                post(siteConnections, siteConnectionFields, made.connection({ service, ike, ipsec, local, peer })),
              ]),
            ]),
          ]),
        ]),
      ]),
    ];
  },
  cli: (_project, draft) => {
    const made = parts(draft);
    const { names } = made;
    return [
      createCli(cliNoun['ike-policies'], ikePolicyFields, made.ike),
      createCli(cliNoun['ipsec-policies'], ipsecPolicyFields, made.ipsec),
      createCli(cliNoun.services, vpnServiceFields, made.service),
      createCli(cliNoun['endpoint-groups'], endpointGroupFields, made.local),
      createCli(cliNoun['endpoint-groups'], endpointGroupFields, made.peer),
      createCli(cliNoun['site-connections'], siteConnectionFields, made.connection(names)),
    ];
  },
  input: {
    initial: () => ({ ...newConnectionSettings(), routerId: '', localSubnetIds: [], peerCidrs: '', psk: '' }),
    invalidReason: (draft) => problemKey(guidedProblem(draft)),
    Form: GuidedConnectionForm,
  },
};
