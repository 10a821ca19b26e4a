import { describe, expect, it } from 'vitest';
import type { ActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import { shellCommand } from '../../lib/ui/shell-quote';
import { vpn } from '../../testing/fixtures';
import { endpointGroupActions, ikePolicyActions, siteConnectionActions, vpnServiceActions } from './actions';
import type { EndpointGroupDraft, IkePolicyDraft, SiteConnectionDraft, SiteConnectionSettings, VpnServiceDraft } from './inputs';

/** The command line the CLI view shows. */
const line = (argv: readonly string[]) => shellCommand(['openstack', ...argv]);

const project: ProjectTarget = { id: 'p1', name: 'demo' };
const connection = vpn.siteConnections[0]!;
const policy = vpn.ikePolicies[0]!;

function created<Draft>(action: ActionDeclaration<ProjectTarget, unknown>, change: (draft: Draft) => Draft) {
  const typed = action as unknown as ActionDeclaration<ProjectTarget, Draft>;
  const draft = change(typed.input!.initial(project));
  return { draft, problem: typed.input!.invalidReason!(draft, project), request: typed.request(project, draft), cli: typed.cli(project, draft).map(line) };
}

describe('VPN actions', () => {
  it("create an IKE policy with Neutron's defaults unless changed, by the same options on the command line", () => {
    const { request, cli, problem } = created<IkePolicyDraft>(ikePolicyActions.create, (draft) => ({ ...draft, name: 'office', authAlgorithm: 'sha512', lifetime: '28800' }));
    expect(problem).toBeNull();
    expect(request).toEqual([
      {
        method: 'POST',
        path: '/api/os/network/v2.0/vpn/ikepolicies',
        body: {
          ikepolicy: {
            name: 'office',
            auth_algorithm: 'sha512',
            encryption_algorithm: 'aes-128',
            phase1_negotiation_mode: 'main',
            ike_version: 'v1',
            pfs: 'group5',
            lifetime: { units: 'seconds', value: 28800 },
          },
        },
      },
    ]);
    expect(cli).toEqual([
      'openstack vpn ike policy create --auth-algorithm sha512 --encryption-algorithm aes-128 --phase1-negotiation-mode main --ike-version v1 --pfs group5 --lifetime units=seconds,value=28800 office',
    ]);
  });

  it('create a VPN service on a router, with its subnet only when one is chosen', () => {
    const bare = created<VpnServiceDraft>(vpnServiceActions.create, (draft) => ({ ...draft, name: 'edge vpn', routerId: 'r1' }));
    expect(bare.request[0]!.body).toEqual({ vpnservice: { name: 'edge vpn', admin_state_up: true, router_id: 'r1' } });
    expect(bare.cli).toEqual(["openstack vpn service create --enable --router r1 'edge vpn'"]);
    const legacy = created<VpnServiceDraft>(vpnServiceActions.create, (draft) => ({ ...draft, name: 'edge', routerId: 'r1', subnetId: 's1', adminStateUp: false }));
    expect(legacy.cli).toEqual(['openstack vpn service create --disable --router r1 --subnet s1 edge']);
    expect(created<VpnServiceDraft>(vpnServiceActions.create, (draft) => ({ ...draft, name: 'edge' })).problem).toBe('vpn.problems.routerMissing');
  });

  it('create an endpoint group with one --value per endpoint', () => {
    const { request, cli } = created<EndpointGroupDraft>(endpointGroupActions.create, (draft) => ({ ...draft, name: 'peer', type: 'cidr', endpoints: '192.168.50.0/24\n192.168.51.0/24' }));
    expect(request[0]!.body).toEqual({ endpoint_group: { name: 'peer', type: 'cidr', endpoints: ['192.168.50.0/24', '192.168.51.0/24'] } });
    expect(cli).toEqual(['openstack vpn endpoint group create --type cidr --value 192.168.50.0/24 --value 192.168.51.0/24 peer']);
  });

  it('create a site connection by peer CIDRs, the key in the body only and "$PSK" on the command line', () => {
    const { request, cli } = created<SiteConnectionDraft>(siteConnectionActions.create, (draft) => ({
      ...draft,
      name: 'legacy',
      vpnServiceId: 's1',
      ikePolicyId: 'ike1',
      ipsecPolicyId: 'ipsec1',
      peerMode: 'cidrs',
      localEpGroupId: 'ignored',
      peerCidrs: '192.168.50.0/24',
      peerAddress: '203.0.113.5',
      peerId: '203.0.113.5',
      psk: "it's $ecret",
    }));
    expect(request[0]!.body).toMatchObject({ ipsec_site_connection: { peer_cidrs: ['192.168.50.0/24'], psk: "it's $ecret" } });
    expect(request[0]!.body).not.toHaveProperty('ipsec_site_connection.local_ep_group_id');
    expect(cli[0]).toContain('--peer-cidr 192.168.50.0/24 --psk "$PSK" legacy');
    expect(cli[0]).not.toContain('ecret');
  });

  it('edit sends and shows only what changed, and nothing while Neutron keeps the connection pending', () => {
    const edit = siteConnectionActions.actions.find((action) => action.id === 'edit') as ActionDeclaration<typeof connection, SiteConnectionSettings>;
    const settings = { ...edit.input!.initial(connection), mtu: '1400', dpdTimeout: '200' };
    expect(edit.request(connection, settings)[0]!.body).toEqual({ ipsec_site_connection: { mtu: 1400, dpd: { action: 'hold', interval: 30, timeout: 200 } } });
    expect(edit.cli(connection, settings).map(line)).toEqual([`openstack vpn ipsec site connection set --mtu 1400 --dpd action=hold,interval=30,timeout=200 ${connection.id}`]);
    expect(edit.input!.invalidReason!(edit.input!.initial(connection), connection)).toBe('vpn.problems.unchanged');
    expect(edit.unavailableReason(connection)).toBeNull();
    expect(edit.unavailableReason({ ...connection, status: 'PENDING_CREATE' })).toBe('vpn.pendingNoEdit');
    const editPolicy = ikePolicyActions.actions.find((action) => action.id === 'edit') as ActionDeclaration<typeof policy, IkePolicyDraft>;
    expect(editPolicy.cli(policy, { ...editPolicy.input!.initial(policy), name: 'renamed', pfs: 'group14' }).map(line)).toEqual([
      `openstack vpn ike policy set --name renamed --pfs group14 ${policy.id}`,
    ]);
  });

  it('delete each object by id, several at once', () => {
    const remove = endpointGroupActions.bulk[0]!;
    expect(remove.bulk).toBe(true);
    expect(remove.request(vpn.endpointGroups[0]!, undefined)).toEqual([{ method: 'DELETE', path: `/api/os/network/v2.0/vpn/endpoint-groups/${vpn.endpointGroups[0]!.id}` }]);
    expect(remove.cli(vpn.endpointGroups[0]!, undefined)).toEqual([['vpn', 'endpoint', 'group', 'delete', vpn.endpointGroups[0]!.id]]);
  });
});
