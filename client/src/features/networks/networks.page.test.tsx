// @vitest-environment jsdom
import { fireEvent, within } from '@testing-library/react';
import { expect } from 'vitest';
import { FakeBff, openstackError } from '../../testing/fake-bff';
import { byButton, byRowMenu, describeFormFailures, dialogClosed } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { networks, neutronForbiddenError, subnets } from '../../testing/fixtures';

// The default view lists the project's own networks (Neutron filters by project_id; the fake answers as told).
const own = networks.filter((network) => !network['router:external']);

describeListPage('networks page', {
  page: '/networks',
  listPath: '/api/os/network/v2.0/networks',
  answer: (rows) => ({ networks: rows }),
  rows: own,
  rowText: (network) => network.name,
  rowShows: (network) => subnets.filter((subnet) => subnet.network_id === network.id).map((subnet) => subnet.cidr),
  alsoAnswers: (bff) => bff.on('GET', '/api/os/network/v2.0/subnets', { subnets }),
  emptyText: 'This project has no network yet.',
  forbidden: neutronForbiddenError,
  forbiddenMessage: 'is disallowed by policy',
  unavailable: 'Networking (Neutron)',
  action: {
    menuLabel: (network) => `Actions for ${network.name}`,
    label: 'Delete network',
    method: 'DELETE',
    path: (network) => `/api/os/network/v2.0/networks/${network.id}`,
  },
});

const networksPath = '/api/os/network/v2.0/networks';
const edited = own[0]!;
const created = { ...edited, id: 'new-net', name: 'app' };
/** The create dialog probes what the cloud allows with creates of its own: refused here, so only the real one succeeds. */
const networksBff = () =>
  new FakeBff()
    .on('GET', networksPath, { networks: own })
    .on('GET', '/api/os/network/v2.0/subnets', { subnets })
    .on('POST', networksPath, ({ body }) =>
      (body as { network: { name: string } }).network.name === 'zenith-policy-probe' ? openstackError(neutronForbiddenError) : Response.json({ network: created }, { status: 201 }),
    );
const realCreates = (bff: FakeBff) => bff.calls('POST', networksPath).filter((call) => (call.body as { network: { name: string } }).network.name !== 'zenith-policy-probe');

describeFormFailures('network forms refused by Neutron', {
  // The network is made, its subnet refused: the second try sends the subnet only, into the same network.
  'create with a subnet': {
    page: '/networks',
    bff: networksBff,
    open: byButton('create-network'),
    prepare: (form) => fireEvent.change(within(form).getByTestId('network-name'), { target: { value: 'app' } }),
    fields: [
      ['Subnet name', 'app-v4'],
      ['CIDR', '10.0.0.0/24'],
    ],
    submit: 'create-network-submit',
    method: 'POST',
    path: '/api/os/network/v2.0/subnets',
    refusal: {
      status: 400,
      requestId: 'req-0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1dd',
      body: { NeutronError: { type: 'InvalidInput', message: 'Invalid input for operation: Requested subnet with cidr: 10.0.0.0/24 for network: new-net overlaps with another subnet.', detail: '' } },
    },
    message: 'Requested subnet with cidr: 10.0.0.0/24 for network: new-net overlaps with another subnet.',
    success: Response.json({ subnet: { ...subnets[0]!, id: 'new-subnet', network_id: 'new-net', cidr: '10.0.0.0/24' } }, { status: 201 }),
    succeeded: async (bff) => {
      await dialogClosed();
      expect(realCreates(bff)).toHaveLength(1);
    },
  },
  edit: {
    page: '/networks',
    bff: () => new FakeBff().on('GET', networksPath, { networks: own }).on('GET', '/api/os/network/v2.0/subnets', { subnets }),
    open: byRowMenu(edited.name, `Actions for ${edited.name}`, 'Edit network'),
    fields: [
      ['Name', 'renamed'],
      ['Description', 'kept after a refusal'],
    ],
    method: 'PUT',
    path: `${networksPath}/${edited.id}`,
    refusal: {
      status: 400,
      requestId: 'req-9e8d7c6b-5a49-4837-a6b5-c4d3e2f1a0ee',
      body: { NeutronError: { type: 'HTTPBadRequest', message: "Invalid input for description. Reason: 'kept after a refusal' exceeds maximum length of 255.", detail: '' } },
    },
    message: "Invalid input for description. Reason: 'kept after a refusal' exceeds maximum length of 255.",
    success: { network: { ...edited, name: 'renamed' } },
  },
});
