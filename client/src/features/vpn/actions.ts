// Every VPN action, declared once (lib/actions): create, edit and delete of each of the five VPNaaS objects, with
// the Neutron call and the `openstack vpn ...` command doing the same. Neutron answers these writes at once; a site
// connection's tunnel is then the VPN agent's business (its status, not the write, says how it went). What Neutron
// refuses (a policy still used by a connection, a router without gateway, a subnet not on the router) comes back
// with its message.
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';
import type { ActionDeclaration, ActionFormProps, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { endpointGroups, ikePolicies, ipsecPolicies, siteConnections, vpnServices, type VpnCollection } from '../../resources/vpn/vpn';
import type { EndpointGroup, IkePolicy, IpsecPolicy, IpsecSiteConnection, VpnService } from '../../resources/vpn/types';
import {
  CreateEndpointGroupForm,
  CreateSiteConnectionForm,
  CreateVpnServiceForm,
  EditSiteConnectionForm,
  IkePolicyForm,
  IpsecPolicyForm,
  NamedForm,
  VpnServiceSettingsForm,
} from './components/action-forms';
import {
  createBody,
  createCli,
  endpointGroupFields,
  endpointGroupSettingsFields,
  endpointGroupSettingsOf,
  ikePolicyDraftOf,
  ikePolicyFields,
  ipsecPolicyDraftOf,
  ipsecPolicyFields,
  newConnectionSettings,
  newIkePolicyDraft,
  newIpsecPolicyDraft,
  setCli,
  siteConnectionFields,
  siteConnectionSettingsFields,
  siteConnectionSettingsOf,
  updateBody,
  vpnServiceFields,
  vpnServiceSettingsFields,
  vpnServiceSettingsOf,
  type Field,
} from './fields';
import type { EndpointGroupDraft, IkePolicyDraft, IpsecPolicyDraft, Named, SiteConnectionDraft, SiteConnectionSettings, VpnServiceDraft, VpnServiceSettings } from './inputs';
import { cliNoun, type VpnTab } from './tabs';
import {
  connectionSettingsProblem,
  endpointGroupProblem,
  nameProblem,
  policyProblem,
  siteConnectionProblem,
  type VpnProblem,
} from './validation';

export const problemKey = (problem: VpnProblem | null): ParseKeys | null => (problem ? (`vpn.problems.${problem}` as const) : null);

interface VpnObject {
  id: string;
  name: string;
}

export interface VpnKindActions<Item> {
  create: AnyActionDeclaration<ProjectTarget>;
  /** In menu order. */
  actions: readonly AnyActionDeclaration<Item>[];
  bulk: readonly AnyActionDeclaration<Item>[];
}

/** The three actions of one kind of VPN object, from its fields, checks and forms. */
function kindActions<Item extends VpnObject, Draft extends Named, Settings extends Named>(c: {
  tab: VpnTab;
  kind: VpnCollection<Item>;
  create: {
    fields: readonly Field<Draft>[];
    initial: () => Draft;
    problem: (draft: Draft) => VpnProblem | null;
    Form: ComponentType<ActionFormProps<ProjectTarget, Draft>>;
  };
  edit: {
    fields: readonly Field<Settings>[];
    of: (item: Item) => Settings;
    problem: (settings: Settings) => VpnProblem | null;
    Form: ComponentType<ActionFormProps<Item, Settings>>;
  };
}): VpnKindActions<Item> {
  const affects = (scope: QueryScope) => [c.kind.keys.all(scope)];
  const noun = cliNoun[c.tab];
  const create: ActionDeclaration<ProjectTarget, Draft> = {
    id: 'create',
    label: `vpn.actions.create.${c.tab}`,
    unavailableReason: () => null,
    affects,
    request: (_project, draft) => [{ method: 'POST', path: c.kind.path, body: { [c.kind.member]: createBody(c.create.fields, draft) } }],
    cli: (_project, draft) => [createCli(noun, c.create.fields, draft)],
    input: { initial: c.create.initial, invalidReason: (draft) => problemKey(c.create.problem(draft)), Form: c.create.Form },
  };
  const edit: ActionDeclaration<Item, Settings> = {
    id: 'edit',
    label: 'vpn.actions.edit',
    // Neutron refuses to change a service or connection while it is PENDING_* (assert_update_allowed).
    unavailableReason: (item) => ('status' in item && typeof item.status === 'string' && item.status.startsWith('PENDING_') ? 'vpn.pendingNoEdit' : null),
    affects,
    // Only what changed is sent (and shown as CLI options).
    request: (item, settings) => [
      { method: 'PUT', path: c.kind.itemPath(item.id), body: { [c.kind.member]: updateBody(c.edit.fields, c.edit.of(item), settings) } },
    ],
    cli: (item, settings) => [setCli(noun, c.edit.fields, c.edit.of(item), settings, item.id)],
    input: {
      initial: c.edit.of,
      invalidReason: (settings, item) => {
        const problem = c.edit.problem(settings);
        if (problem) return problemKey(problem);
        return Object.keys(updateBody(c.edit.fields, c.edit.of(item), settings)).length === 0 ? problemKey('unchanged') : null;
      },
      Form: c.edit.Form,
    },
  };
  const remove: ActionDeclaration<Item> = {
    id: 'delete',
    label: 'vpn.actions.delete',
    unavailableReason: () => null,
    affects,
    request: (item) => [{ method: 'DELETE', path: c.kind.itemPath(item.id) }],
    cli: (item) => [[...noun, 'delete', item.id]],
    confirmation: { message: `vpn.confirmDelete.${c.tab}`, destructive: true },
    bulk: true,
  };
  return { create, actions: [edit, remove], bulk: [remove] };
}

export const ikePolicyActions = kindActions<IkePolicy, IkePolicyDraft, IkePolicyDraft>({
  tab: 'ike-policies',
  kind: ikePolicies,
  create: {
    fields: ikePolicyFields,
    initial: newIkePolicyDraft,
    problem: policyProblem,
    Form: IkePolicyForm,
  },
  edit: { fields: ikePolicyFields, of: ikePolicyDraftOf, problem: policyProblem, Form: IkePolicyForm },
});

export const ipsecPolicyActions = kindActions<IpsecPolicy, IpsecPolicyDraft, IpsecPolicyDraft>({
  tab: 'ipsec-policies',
  kind: ipsecPolicies,
  create: {
    fields: ipsecPolicyFields,
    initial: newIpsecPolicyDraft,
    problem: policyProblem,
    Form: IpsecPolicyForm,
  },
  edit: { fields: ipsecPolicyFields, of: ipsecPolicyDraftOf, problem: policyProblem, Form: IpsecPolicyForm },
});

export const vpnServiceActions = kindActions<VpnService, VpnServiceDraft, VpnServiceSettings>({
  tab: 'services',
  kind: vpnServices,
  create: {
    fields: vpnServiceFields,
    initial: () => ({ name: '', description: '', adminStateUp: true, routerId: '', subnetId: '' }),
    problem: (draft) => nameProblem(draft) ?? (draft.routerId === '' ? 'routerMissing' : null),
    Form: CreateVpnServiceForm,
  },
  edit: { fields: vpnServiceSettingsFields, of: vpnServiceSettingsOf, problem: nameProblem, Form: VpnServiceSettingsForm },
});

export const endpointGroupActions = kindActions<EndpointGroup, EndpointGroupDraft, Named>({
  tab: 'endpoint-groups',
  kind: endpointGroups,
  create: {
    fields: endpointGroupFields,
    initial: () => ({ name: '', description: '', type: 'subnet', subnetIds: [], endpoints: '' }),
    problem: endpointGroupProblem,
    Form: CreateEndpointGroupForm,
  },
  edit: { fields: endpointGroupSettingsFields, of: endpointGroupSettingsOf, problem: nameProblem, Form: NamedForm },
});

export const siteConnectionActions = kindActions<IpsecSiteConnection, SiteConnectionDraft, SiteConnectionSettings>({
  tab: 'site-connections',
  kind: siteConnections,
  create: {
    fields: siteConnectionFields,
    initial: () => ({
      ...newConnectionSettings(),
      vpnServiceId: '',
      ikePolicyId: '',
      ipsecPolicyId: '',
      peerMode: 'groups',
      localEpGroupId: '',
      peerEpGroupId: '',
      peerCidrs: '',
      psk: '',
    }),
    problem: siteConnectionProblem,
    Form: CreateSiteConnectionForm,
  },
  edit: { fields: siteConnectionSettingsFields, of: siteConnectionSettingsOf, problem: connectionSettingsProblem, Form: EditSiteConnectionForm },
});

export const identifyVpnObject = (item: VpnObject) => ({ id: item.id, name: item.name || item.id });
