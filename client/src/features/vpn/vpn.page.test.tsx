// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../lib/api/client';
import { FakeBff } from '../../testing/fake-bff';
import { byButton, byRowMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { neutronForbiddenError, networks, ports, routers, subnets, vpn } from '../../testing/fixtures';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';

const vpnPath = (collection: string) => `/api/os/network/v2.0/vpn/${collection}`;
const extensionsPath = '/api/os/network/v2.0/extensions';

const vpnLists = {
  ikepolicies: { ikepolicies: vpn.ikePolicies },
  ipsecpolicies: { ipsecpolicies: vpn.ipsecPolicies },
  vpnservices: { vpnservices: vpn.services },
  'endpoint-groups': { endpoint_groups: vpn.endpointGroups },
  'ipsec-site-connections': { ipsec_site_connections: vpn.siteConnections },
};

/** Every read the VPN tabs and forms make, answered as captured, but the list a case answers itself. */
function answerVpnReads(bff: FakeBff, except?: string) {
  for (const [collection, answer] of Object.entries(vpnLists)) if (collection !== except) bff.on('GET', vpnPath(collection), answer);
  bff
    .on('GET', '/api/os/network/v2.0/routers', { routers })
    .on('GET', '/api/os/network/v2.0/subnets', { subnets })
    .on('GET', '/api/os/network/v2.0/networks', { networks })
    .on('GET', '/api/os/network/v2.0/ports', { ports })
    .on('GET', extensionsPath, { extensions: [{ alias: 'vpnaas', name: 'VPN service', description: '' }] });
}

const vpnBff = () => {
  const bff = new FakeBff();
  answerVpnReads(bff);
  return bff;
};

const [connection] = vpn.siteConnections;
const [service] = vpn.services;
const [ike] = vpn.ikePolicies;
const [ipsec] = vpn.ipsecPolicies;
const localGroup = vpn.endpointGroups.find((group) => group.type === 'subnet')!;
const peerGroup = vpn.endpointGroups.find((group) => group.type === 'cidr')!;
const [router] = routers;

const tabs = [
  { tab: 'site-connections', collection: 'ipsec-site-connections', key: 'ipsec_site_connections', rows: vpn.siteConnections, shows: ['203.0.113.5', service!.name], empty: 'No site connection in this project yet' },
  { tab: 'ike-policies', collection: 'ikepolicies', key: 'ikepolicies', rows: vpn.ikePolicies, shows: ['aes-128', '3600 s'], empty: 'No IKE policy in this project yet' },
  { tab: 'ipsec-policies', collection: 'ipsecpolicies', key: 'ipsecpolicies', rows: vpn.ipsecPolicies, shows: ['esp', 'tunnel'], empty: 'No IPsec policy in this project yet' },
  { tab: 'services', collection: 'vpnservices', key: 'vpnservices', rows: vpn.services, shows: [router!.name, '203.0.113.174'], empty: 'No VPN service in this project yet' },
  { tab: 'endpoint-groups', collection: 'endpoint-groups', key: 'endpoint_groups', rows: vpn.endpointGroups, shows: [], empty: 'No endpoint group in this project yet' },
] as const;

for (const c of tabs) {
  describeListPage<{ id: string; name: string }>(`vpn ${c.tab} tab`, {
    page: `/vpn?tab=${c.tab}`,
    listPath: vpnPath(c.collection),
    answer: (rows) => ({ [c.key]: rows }),
    rows: c.rows,
    rowText: (row) => row.name,
    rowShows: (row) => (row === c.rows[0] ? [...c.shows] : []),
    alsoAnswers: (bff) => answerVpnReads(bff, c.collection),
    emptyText: c.empty,
    forbidden: neutronForbiddenError,
    forbiddenMessage: 'is disallowed by policy',
    action: {
      menuLabel: (row) => `Actions on ${row.name}`,
      label: 'Delete',
      method: 'DELETE',
      path: (row) => `${vpnPath(c.collection)}/${row.id}`,
    },
  });
}

const neutronRefusal = (status: number, type: string, message: string, requestId: string) => ({ status, requestId, body: { NeutronError: { type, message, detail: '' } } });

describeFormFailures('vpn forms refused by Neutron', {
  ikePolicy: {
    page: '/vpn?tab=ike-policies',
    bff: vpnBff,
    open: byButton('create-ike-policies'),
    fields: [
      ['Name', 'office-ike'],
      ['Authentication', 'sha256'],
      ['IKE version', 'v2'],
      ['Lifetime (seconds)', '7200'],
    ],
    method: 'POST',
    path: vpnPath('ikepolicies'),
    refusal: neutronRefusal(409, 'OverQuota', "Quota exceeded for resources: ['ikepolicy'].", 'req-0a1b2c3d-1111-4a6b-8c7d-e8f9a0b1c201'),
    message: "Quota exceeded for resources: ['ikepolicy'].",
    success: Response.json({ ikepolicy: { ...ike, id: 'new-ike', name: 'office-ike' } }, { status: 201 }),
  },
  ipsecPolicy: {
    page: '/vpn?tab=ipsec-policies',
    bff: vpnBff,
    open: byButton('create-ipsec-policies'),
    fields: [
      ['Name', 'office-ipsec'],
      ['Encryption', 'aes-256'],
      ['Perfect forward secrecy', 'group14'],
    ],
    method: 'POST',
    path: vpnPath('ipsecpolicies'),
    refusal: neutronRefusal(403, 'PolicyNotAuthorized', 'rule:create_ipsecpolicy is disallowed by policy', 'req-0a1b2c3d-2222-4a6b-8c7d-e8f9a0b1c202'),
    message: 'rule:create_ipsecpolicy is disallowed by policy',
    success: Response.json({ ipsecpolicy: { ...ipsec, id: 'new-ipsec', name: 'office-ipsec' } }, { status: 201 }),
  },
  service: {
    page: '/vpn?tab=services',
    bff: vpnBff,
    open: byButton('create-services'),
    fields: [
      ['Name', 'office-vpn'],
      ['Router', router!.id],
    ],
    method: 'POST',
    path: vpnPath('vpnservices'),
    refusal: neutronRefusal(400, 'RouterIsNotExternal', `Router ${router!.id} is used by VPN service and has no external network`, 'req-0a1b2c3d-3333-4a6b-8c7d-e8f9a0b1c203'),
    message: 'has no external network',
    success: Response.json({ vpnservice: { ...service, id: 'new-service', name: 'office-vpn' } }, { status: 201 }),
  },
  endpointGroup: {
    page: '/vpn?tab=endpoint-groups',
    bff: vpnBff,
    open: byButton('create-endpoint-groups'),
    fields: [
      ['Name', 'branch-cidrs'],
      ['Type', 'cidr'],
      ['Endpoints', '192.168.60.0/24\n192.168.61.0/24'],
    ],
    method: 'POST',
    path: vpnPath('endpoint-groups'),
    refusal: neutronRefusal(409, 'OverQuota', "Quota exceeded for resources: ['endpoint_group'].", 'req-0a1b2c3d-4444-4a6b-8c7d-e8f9a0b1c204'),
    message: "Quota exceeded for resources: ['endpoint_group'].",
    // The textarea's text is sent as a list: its lines, not its newline.
    notSent: ['Endpoints'],
    success: Response.json({ endpoint_group: { ...peerGroup, id: 'new-group', name: 'branch-cidrs' } }, { status: 201 }),
  },
  siteConnection: {
    page: '/vpn',
    bff: vpnBff,
    open: byButton('create-site-connections'),
    fields: [
      ['Name', 'to-branch'],
      ['VPN service', service!.id],
      ['IKE policy', ike!.id],
      ['IPsec policy', ipsec!.id],
      ['Pre-shared key', 'kept-after-refusal'],
      ['Local endpoint group', localGroup.id],
      ['Peer endpoint group', peerGroup.id],
      ['Peer address', '203.0.113.9'],
      ['Peer id', 'branch.example.org'],
    ],
    method: 'POST',
    path: vpnPath('ipsec-site-connections'),
    refusal: neutronRefusal(400, 'ExternalNetworkHasNoSubnet', `Router ${router!.id} has no external network gateway set for IPv4`, 'req-0a1b2c3d-5555-4a6b-8c7d-e8f9a0b1c205'),
    message: 'has no external network gateway set',
    success: Response.json({ ipsec_site_connection: { ...connection, id: 'new-connection', name: 'to-branch', status: 'PENDING_CREATE' } }, { status: 201 }),
  },
  editSiteConnection: {
    page: '/vpn',
    bff: vpnBff,
    open: byRowMenu(connection!.name, `Actions on ${connection!.name}`, 'Edit'),
    fields: [
      ['Peer address', '198.51.100.7'],
      ['MTU', '1400'],
    ],
    method: 'PUT',
    path: `${vpnPath('ipsec-site-connections')}/${connection!.id}`,
    refusal: neutronRefusal(400, 'VPNStateInvalidToUpdate', `Invalid state PEND_CREATE of vpnaas resource ${connection!.id} for updating`, 'req-0a1b2c3d-6666-4a6b-8c7d-e8f9a0b1c206'),
    message: 'for updating',
    success: { ipsec_site_connection: { ...connection, peer_address: '198.51.100.7', mtu: 1400 } },
  },
});

/** The create dialog of a site connection, filled with a valid connection through endpoint groups. */
async function fillConnection(psk: string) {
  fireEvent.click(await screen.findByTestId('create-site-connections'));
  const dialog = await screen.findByRole('dialog');
  const set = async (label: string, value: string) => fireEvent.change(await within(dialog).findByLabelText(label), { target: { value } });
  await set('Name', 'to-branch');
  await waitFor(() => expect(within(dialog).getByRole('option', { name: service!.name })).toBeTruthy());
  await set('VPN service', service!.id);
  await set('IKE policy', ike!.id);
  await set('IPsec policy', ipsec!.id);
  await set('Pre-shared key', psk);
  await set('Local endpoint group', localGroup.id);
  await set('Peer endpoint group', peerGroup.id);
  await set('Peer address', '203.0.113.5');
  await set('Peer id', '203.0.113.5');
  return { dialog, set };
}

describe('a site connection', { timeout: 20_000 }, () => {
  afterEach(cleanupApp);

  it('is checked before anything is sent: DPD timeout, MTU, peer address, peer CIDRs', async () => {
    const bff = vpnBff();
    renderApp('/vpn', bff);
    const { dialog, set } = await fillConnection('s3cret');
    const invalid = () => within(dialog).getByTestId('action-invalid').textContent;
    const submit = () => within(dialog).getByTestId('action-submit');

    await set('Timeout (s)', '30');
    expect(invalid()).toBe('The dead peer detection timeout must be longer than its interval.');
    expect(submit().hasAttribute('disabled')).toBe(true);
    await set('Timeout (s)', '120');

    await set('MTU', '60');
    expect(invalid()).toBe('The MTU is a whole number from 68 to 65535.');
    await set('MTU', '1500');

    await set('Peer address', '2001:db8::5');
    await set('MTU', '1000');
    expect(invalid()).toBe('An IPv6 tunnel needs an MTU of 1280 at least.');
    await set('MTU', '1500');

    await set('Peer address', 'not a host!');
    expect(invalid()).toBe('The peer address is neither an IP address nor a host name.');
    await set('Peer address', 'vpn.branch.example.org');

    fireEvent.click(within(dialog).getByTestId('connection-peer-mode-cidrs'));
    await set('Peer CIDRs', '192.168.50.1/24');
    expect(invalid()).toBe('A peer CIDR is not a CIDR with its host bits clear (such as 192.168.50.0/24).');
    await set('Peer CIDRs', '192.168.50.0/24, 2001:db8::/64');
    expect(invalid()).toBe('The peer CIDRs must all be IPv4 or all IPv6.');
    fireEvent.click(within(dialog).getByTestId('connection-peer-mode-groups'));

    expect(within(dialog).queryByTestId('action-invalid')).toBeNull();
    expect(bff.calls('POST', vpnPath('ipsec-site-connections'))).toHaveLength(0);
    bff.on('POST', vpnPath('ipsec-site-connections'), Response.json({ ipsec_site_connection: { ...connection, status: 'PENDING_CREATE' } }, { status: 201 }));
    fireEvent.click(submit());
    await waitFor(() => expect(bff.calls('POST', vpnPath('ipsec-site-connections'))).toHaveLength(1));
    expect(bff.calls('POST', vpnPath('ipsec-site-connections'))[0]!.body).toEqual({
      ipsec_site_connection: {
        name: 'to-branch',
        peer_address: 'vpn.branch.example.org',
        peer_id: '203.0.113.5',
        mtu: 1500,
        initiator: 'bi-directional',
        dpd: { action: 'hold', interval: 30, timeout: 120 },
        admin_state_up: true,
        vpnservice_id: service!.id,
        ikepolicy_id: ike!.id,
        ipsecpolicy_id: ipsec!.id,
        local_ep_group_id: localGroup.id,
        peer_ep_group_id: peerGroup.id,
        psk: 's3cret',
      },
    });
  });

  it('sends its pre-shared key to Neutron only: never in the CLI or HTTP views, nor in the request log', async () => {
    const psk = 'hunter2-Vpn-Key';
    api.requestLog.clear();
    const bff = vpnBff().on('POST', vpnPath('ipsec-site-connections'), Response.json({ ipsec_site_connection: { ...connection, psk } }, { status: 201 }));
    renderApp('/vpn', bff);
    const { dialog } = await fillConnection(psk);
    expect(within(dialog).getByLabelText<HTMLInputElement>('Pre-shared key').type).toBe('password');

    const cli = within(within(dialog).getByTestId('action-cli')).getByTestId('cli-command').textContent ?? '';
    expect(cli).toContain('openstack vpn ipsec site connection create --peer-address 203.0.113.5 --peer-id 203.0.113.5');
    expect(cli).toContain(`--local-endpoint-group ${localGroup.id} --peer-endpoint-group ${peerGroup.id} --psk "$PSK" to-branch`);
    fireEvent.click(within(dialog).getByTestId('action-http-tab'));
    const http = within(dialog).getByTestId('action-http').textContent ?? '';
    expect(http).toContain('"psk": "***"');
    expect(`${cli}${http}${dialog.textContent}`).not.toContain(psk);

    fireEvent.click(within(dialog).getByTestId('action-submit'));
    await waitFor(() => expect(bff.calls('POST', vpnPath('ipsec-site-connections'))).toHaveLength(1));
    expect(bff.calls('POST', vpnPath('ipsec-site-connections'))[0]!.body).toMatchObject({ ipsec_site_connection: { psk } });
    const logged = api.requestLog.entries().filter((entry) => entry.path.startsWith(vpnPath('ipsec-site-connections')) && entry.method === 'POST');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(api.requestLog.entries())).not.toContain(psk);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('waiting for a VPN agent shows as pending with the reason, not as an error; its page never shows the key', async () => {
    const pending = { ...connection!, status: 'PENDING_CREATE' as const };
    const bff = vpnBff()
      .on('GET', vpnPath('ipsec-site-connections'), { ipsec_site_connections: [pending] })
      .on('GET', `${vpnPath('ipsec-site-connections')}/${pending.id}`, { ipsec_site_connection: pending });
    const { router: app } = renderApp('/vpn', bff);
    const row = await rowOf(pending.name);
    await waitFor(() => expect(within(row).getByTestId('vpn-status').getAttribute('data-status')).toBe('PENDING_CREATE'));
    expect(within(row).getByTestId('vpn-status').textContent).toContain('Pending creation');
    expect(within(row).getByTestId('vpn-status-pending').textContent).toContain('Waiting for a VPN agent');
    expect(screen.queryByRole('alert')).toBeNull();

    await app.navigate(`/vpn/site-connections/${pending.id}`);
    expect((await screen.findByTestId('detail-psk')).textContent).toContain('Set (never shown)');
    expect((await screen.findByTestId('detail-local-group')).textContent).toContain(localGroup.name);
    expect(screen.getByTestId('vpn-status-pending')).toBeTruthy();
    expect(document.body.textContent).not.toContain(pending.psk);
    // Neutron refuses changes while pending: the edit is offered, disabled, with why.
    fireEvent.click(screen.getByTestId('detail-actions'));
    const edit = screen.getByRole('menuitem', { name: /Edit/ });
    expect(edit.getAttribute('aria-disabled')).toBe('true');
    expect(edit.textContent).toContain('Neutron refuses changes while it is pending');
  });
});

describe('the VPN entry of the navigation', () => {
  afterEach(cleanupApp);
  const nav = () => screen.getByRole('navigation', { name: 'Main' });

  it('shows where Neutron lists the vpnaas extension, and not where it does not', async () => {
    const withVpn = vpnBff();
    renderApp('/routers', withVpn);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(await within(nav()).findByRole('link', { name: 'VPN' }, { timeout: 8000 })).toBeTruthy();
    cleanupApp();

    const without = vpnBff().on('GET', extensionsPath, { extensions: [{ alias: 'router', name: 'Neutron L3 Router', description: '' }] });
    renderApp('/routers', without);
    await screen.findByRole('navigation', { name: 'Main' });
    await within(nav()).findByRole('link', { name: 'Routers' });
    await waitFor(() => expect(without.calls('GET', extensionsPath)).toHaveLength(1));
    // Probed entries appear together once every probe answered: wait for the others' to settle.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(within(nav()).queryByRole('link', { name: 'VPN' })).toBeNull();
  }, 20_000);
});

describe('a site connection step by step', { timeout: 20_000 }, () => {
  afterEach(cleanupApp);

  /** Neutron's answer to each create: the object with an id of its kind. */
  function answeringCreates(bff: FakeBff) {
    const made = (member: string, id: string) => (request: { body: unknown }) =>
      Response.json({ [member]: { ...(request.body as Record<string, object>)[member], id } }, { status: 201 });
    const groups = ['local-id', 'peer-id'];
    return bff
      .on('POST', vpnPath('ikepolicies'), made('ikepolicy', 'ike-id'))
      .on('POST', vpnPath('ipsecpolicies'), made('ipsecpolicy', 'ipsec-id'))
      .on('POST', vpnPath('vpnservices'), made('vpnservice', 'service-id'))
      .on('POST', vpnPath('endpoint-groups'), (request) => made('endpoint_group', groups.shift()!)(request));
  }

  async function fillGuided(psk: string) {
    fireEvent.click(await screen.findByTestId('create-guided-connection'));
    const dialog = await screen.findByRole('dialog');
    const set = async (label: string, value: string) => fireEvent.change(await within(dialog).findByLabelText(label), { target: { value } });
    await set('Name', 'to-branch');
    await waitFor(() => expect(within(dialog).getByRole('option', { name: router!.name })).toBeTruthy());
    await set('Router', router!.id);
    const subnet = subnets[0]!;
    fireEvent.click(await within(dialog).findByLabelText(`${subnet.name} (${subnet.cidr})`));
    await set('Peer CIDRs', '192.168.50.0/24');
    await set('Pre-shared key', psk);
    await set('Peer address', '203.0.113.5');
    await set('Peer id', '203.0.113.5');
    return dialog;
  }

  it('shows the six calls and commands beforehand, the key masked, then sends them in order, each with the ids before it', async () => {
    const psk = 'guided-Secret-1';
    const bff = answeringCreates(vpnBff()).on('POST', vpnPath('ipsec-site-connections'), Response.json({ ipsec_site_connection: { ...connection, status: 'PENDING_CREATE' } }, { status: 201 }));
    renderApp('/vpn', bff);
    const dialog = await fillGuided(psk);
    expect(within(dialog).getByTestId('guided-connection-plan').textContent).toContain('IKE policy to-branch-ike');
    const cli = within(within(dialog).getByTestId('action-cli')).getByTestId('cli-command').textContent ?? '';
    expect(cli.split('\n')).toHaveLength(6);
    expect(cli).toContain(`openstack vpn service create --enable --router ${router!.id} to-branch-service`);
    expect(cli).toContain(`openstack vpn endpoint group create --type subnet --value ${subnets[0]!.id} to-branch-local`);
    expect(cli).toContain('--vpnservice to-branch-service --ikepolicy to-branch-ike --ipsecpolicy to-branch-ipsec --local-endpoint-group to-branch-local --peer-endpoint-group to-branch-peer --psk "$PSK" to-branch');
    fireEvent.click(within(dialog).getByTestId('action-http-tab'));
    const http = within(dialog).getByTestId('action-http').textContent ?? '';
    expect(http).toContain('<id of the IKE policy created above>');
    expect(http).toContain('<id of the peer endpoint group created above>');
    expect(`${cli}${http}`).not.toContain(psk);

    fireEvent.click(within(dialog).getByTestId('action-submit'));
    await waitFor(() => expect(bff.calls('POST', vpnPath('ipsec-site-connections'))).toHaveLength(1));
    expect(bff.requests.filter((request) => request.method === 'POST').map((request) => request.url.pathname.split('/').at(-1))).toEqual([
      'ikepolicies',
      'ipsecpolicies',
      'vpnservices',
      'endpoint-groups',
      'endpoint-groups',
      'ipsec-site-connections',
    ]);
    expect(bff.calls('POST', vpnPath('endpoint-groups')).map((call) => call.body)).toEqual([
      { endpoint_group: { name: 'to-branch-local', type: 'subnet', endpoints: [subnets[0]!.id] } },
      { endpoint_group: { name: 'to-branch-peer', type: 'cidr', endpoints: ['192.168.50.0/24'] } },
    ]);
    expect(bff.calls('POST', vpnPath('ipsec-site-connections'))[0]!.body).toMatchObject({
      ipsec_site_connection: { name: 'to-branch', vpnservice_id: 'service-id', ikepolicy_id: 'ike-id', ipsecpolicy_id: 'ipsec-id', local_ep_group_id: 'local-id', peer_ep_group_id: 'peer-id', psk },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('refused at the connection, keeps its input and what was made, and the retry sends only the connection again', async () => {
    const refusal = neutronRefusal(400, 'ExternalNetworkHasNoSubnet', 'Router has no external network gateway set for IPv4', 'req-0a1b2c3d-7777-4a6b-8c7d-e8f9a0b1c207');
    const bff = answeringCreates(vpnBff()).on(
      'POST',
      vpnPath('ipsec-site-connections'),
      Response.json(refusal.body, { status: refusal.status, headers: { 'x-openstack-request-id': refusal.requestId } }),
      Response.json({ ipsec_site_connection: connection }, { status: 201 }),
    );
    renderApp('/vpn', bff);
    const dialog = await fillGuided('kept-key');
    fireEvent.click(within(dialog).getByTestId('action-submit'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain(refusal.requestId);
    expect(within(dialog).getByLabelText<HTMLInputElement>('Pre-shared key').value).toBe('kept-key');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Peer CIDRs').value).toBe('192.168.50.0/24');

    fireEvent.click(within(dialog).getByTestId('action-submit'));
    await waitFor(() => expect(bff.calls('POST', vpnPath('ipsec-site-connections'))).toHaveLength(2));
    expect(bff.calls('POST', vpnPath('ikepolicies'))).toHaveLength(1);
    expect(bff.calls('POST', vpnPath('endpoint-groups'))).toHaveLength(2);
    const [first, second] = bff.calls('POST', vpnPath('ipsec-site-connections'));
    expect(second!.body).toEqual(first!.body);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
