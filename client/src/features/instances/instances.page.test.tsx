// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer, openstackError } from '../../testing/fake-bff';
import { images, novaForbiddenError, ports, servers } from '../../testing/fixtures';
import keystoneDomains from '../../testing/fixtures/keystone-domains.json';
import keystoneProjects from '../../testing/fixtures/keystone-projects.json';
import sessionAdmin from '../../testing/fixtures/session-admin.json';
import { byDetailMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { exportCsv } from '../../testing/export-csv';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';
import { giveLayout } from '../../testing/virtual-layout';

afterEach(cleanupApp);

const listPath = '/api/os/compute/servers/detail';
const server = servers[0]!;

describe('instances page', () => {
  it('lists the project’s servers with their status and flavor', async () => {
    renderApp('/instances', new FakeBff().on('GET', listPath, { servers }));
    const row = await rowOf(server.name);
    expect(within(row).getByRole('link', { name: server.name }).getAttribute('href')).toBe(`/instances/${server.id}`);
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(within(row).getByText(server.flavor.original_name)).toBeTruthy();
    expect(await rowOf(servers[1]!.name)).toBeTruthy();
  });

  it('says so when the project has no server', async () => {
    renderApp('/instances', new FakeBff().on('GET', listPath, { servers: [] }));
    expect(await screen.findByText('No instances yet')).toBeTruthy();
  });

  it('shows Nova’s refusal with its request id', async () => {
    renderApp('/instances', new FakeBff().on('GET', listPath, openstackError(novaForbiddenError)));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.");
    expect(alert.textContent).toContain(novaForbiddenError.requestId);
  });

  it('shows a stopping server as pending until Nova reports it stopped', async () => {
    const read = heldAnswer();
    const bff = new FakeBff()
      .on('GET', listPath, { servers })
      .on('POST', `/api/os/compute/servers/${server.id}/action`, new Response(null, { status: 202 }))
      .on('GET', `/api/os/compute/servers/${server.id}`, read.answer);
    renderApp('/instances', bff);

    fireEvent.click(within(await rowOf(server.name)).getByRole('button', { name: `Actions for ${server.name}` }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Stop' }));

    await waitFor(() => expect(within(rowOf.now(server.name)).getByText('Working…')).toBeTruthy());
    expect(bff.calls('POST', `/api/os/compute/servers/${server.id}/action`)[0]?.body).toEqual({ 'os-stop': null });

    read.release(Response.json({ server: { ...server, status: 'SHUTOFF', 'OS-EXT-STS:vm_state': 'stopped', 'OS-EXT-STS:power_state': 4 } }));
    await waitFor(() => expect(within(rowOf.now(server.name)).getByText('Stopped')).toBeTruthy());
    expect(within(rowOf.now(server.name)).queryByText('Working…')).toBeNull();
  });
});

describe('instances page, CSV export of every page', () => {
  // 25 servers, 10 a page: the first page boots from one image, the next ones from two others.
  const imagesPath = '/api/os/image/v2/images';
  const otherImages = [
    { ...images[0]!, id: 'img-b', name: 'debian-12' },
    { ...images[0]!, id: 'img-c', name: 'ubuntu-24.04' },
  ];
  const catalog = [images[0]!, ...otherImages];
  const imageOf = (index: number) => (index < 10 ? images[0]! : otherImages[index % 2]!);
  const fleet = Array.from({ length: 25 }, (_, index) => ({
    ...server,
    id: `srv-${String(index).padStart(2, '0')}`,
    name: `web-${String(index).padStart(2, '0')}`,
    image: { ...server.image, id: imageOf(index).id },
  }));
  // Nova's paging: `limit` servers after `marker`.
  const nova = () =>
    new FakeBff().on('GET', listPath, ({ url }) => {
      const marker = url.searchParams.get('marker');
      const from = marker ? fleet.findIndex((row) => row.id === marker) + 1 : 0;
      return Response.json({ servers: fleet.slice(from, from + Number(url.searchParams.get('limit'))) });
    });
  // Glance's `id=in:a,b`: the images asked for.
  const glance = (bff: FakeBff) =>
    bff.on('GET', imagesPath, ({ url }) => {
      const ids = (url.searchParams.get('id') ?? '').replace(/^in:/, '').split(',');
      return Response.json({ images: catalog.filter((image) => ids.includes(image.id)) });
    });

  it('names the image of a row of another page, from one batched Glance read over the exported rows', async () => {
    const bff = glance(nova());
    renderApp('/instances?limit=10', bff);
    await rowOf('web-00');
    await waitFor(() => expect(within(rowOf.now('web-00')).getByTestId('server-image').textContent).toBe(images[0]!.name));
    expect(screen.queryByText('web-15')).toBeNull();
    expect(bff.calls('GET', imagesPath)).toHaveLength(1);

    const lines = (await exportCsv()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(26);
    const line = (name: string) => lines.find((text) => text.startsWith(`${name},`)) ?? '';
    expect(line('web-00')).toContain(images[0]!.name);
    expect(line('web-15')).toContain('ubuntu-24.04');
    expect(line('web-16')).toContain('debian-12');
    for (const text of lines.slice(1)) expect(text).not.toMatch(/img-[bc]/);
    // The export's names: one Glance call for the 25 rows (their three images), never one per row or per page.
    const reads = bff.calls('GET', imagesPath);
    expect(reads).toHaveLength(2);
    expect(reads[1]!.url.searchParams.get('id')).toBe(`in:${[images[0]!.id, 'img-b', 'img-c'].sort().join(',')}`);
  });
});

// A thousand rows take jsdom a few seconds to build (the selection, the bulk dialog's list).
describe('instances page with 1000 servers', { timeout: 20_000 }, () => {
  giveLayout();
  const many = Array.from({ length: 1000 }, (_, index) => ({ ...server, id: `srv-${String(index).padStart(4, '0')}`, name: `big-${String(index).padStart(4, '0')}` }));
  // Nova answers at most `limit` servers, and at most its max_limit (1000): a page of 1000 asks 1001 and gets 1000.
  const nova = () => new FakeBff().on('GET', listPath, ({ url }) => Response.json({ servers: many.slice(0, Math.min(Number(url.searchParams.get('limit')), 1000)) }));
  const imagesPath = '/api/os/image/v2/images';
  const domRows = () => screen.getAllByTestId('table-row');

  it('offers a page of 1000 and asks Nova for it: the URL holds the size, the request limit+1', async () => {
    const { router, bff } = renderApp('/instances', nova().on('GET', imagesPath, { images }));
    await rowOf('big-0000');
    const sizes = within(screen.getByTestId('page-size')).getAllByRole('option').map((option) => option.textContent);
    expect(sizes).toEqual(['10', '20', '50', '100', '200', '500', '1000']);
    fireEvent.change(screen.getByTestId('page-size'), { target: { value: '1000' } });
    await waitFor(() => expect(router.state.location.search).toBe('?limit=1000'));
    await waitFor(() => expect(bff.calls('GET', listPath).at(-1)?.url.searchParams.get('limit')).toBe('1001'));
    await waitFor(() => expect(screen.getByRole('table', { name: 'Instances' }).getAttribute('aria-rowcount')).toBe('1001'));
  });

  it('shows the rows while the image names are read, only those in view, then fills the names in', async () => {
    const glance = heldAnswer();
    renderApp('/instances?limit=1000', nova().on('GET', imagesPath, glance.answer));
    const first = await rowOf('big-0000');
    expect(domRows().length).toBeLessThan(60);
    expect(screen.queryByText('big-0999')).toBeNull();
    // The image cell keeps its place, the id in its tooltip.
    const imageCell = within(first).getByTestId('server-image');
    expect(imageCell.dataset.lookup).toBe('pending');
    expect(imageCell.title).toBe(images[0]!.id);
    glance.release(Response.json({ images }));
    await waitFor(() => expect(within(rowOf.now('big-0000')).getByTestId('server-image').textContent).toBe(images[0]!.name));
  });

  it('selects all 1000 servers, rendered or not, and a bulk action acts on all of them', async () => {
    renderApp('/instances?limit=1000', nova().on('GET', imagesPath, { images }));
    await rowOf('big-0000');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every row of this page' }));
    expect(screen.getByTestId('bulk-bar').textContent).toContain('1000 selected');
    fireEvent.click(screen.getByTestId('bulk-delete'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByTestId('action-target')).toHaveLength(1000);
    expect(within(dialog).getByText('big-0999')).toBeTruthy();
  });

  it('moves between rows with the arrow keys', async () => {
    renderApp('/instances?limit=1000', nova().on('GET', imagesPath, { images }));
    within(await rowOf('big-0000')).getByRole('link', { name: 'big-0000' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(within(rowOf.now('big-0001')).getByRole('link', { name: 'big-0001' }));
  });
});

describe('all instances (admin)', () => {
  afterEach(cleanupApp);

  it('shows every project’s servers at once and fills in the project names when Keystone answers', async () => {
    const keystone = heldAnswer();
    const bff = new FakeBff(sessionAdmin)
      .on('GET', listPath, { servers })
      .on('GET', '/api/os/identity/projects', keystone.answer)
      .on('GET', '/api/os/identity/domains', keystoneDomains);
    renderApp('/admin/instances', bff);
    const cell = async () => within(await rowOf(server.name)).getByTestId('server-project');
    expect((await cell()).dataset.lookup).toBe('pending');
    keystone.release(Response.json(keystoneProjects));
    const project = keystoneProjects.projects.find((candidate) => candidate.id === server.tenant_id)!;
    await waitFor(async () => expect((await cell()).textContent).toBe(project.name));
  });
});

describe('instance detail page', () => {
  it('offers confirm and revert on a resized server, and stays pending after a revert until Nova leaves resized', async () => {
    const resized = { ...server, status: 'VERIFY_RESIZE', 'OS-EXT-STS:vm_state': 'resized', flavor: { ...server.flavor, original_name: 'm1.small' } };
    let reverted = false;
    const serverPath = `/api/os/compute/servers/${server.id}`;
    const bff = new FakeBff()
      .on('GET', serverPath, () => Response.json({ server: reverted ? server : resized }))
      .on('POST', `${serverPath}/action`, new Response(null, { status: 202 }))
      .on('GET', '/api/os/network/v2.0/ports', { ports: [] })
      .on('GET', '/api/os/network/v2.0/security-groups', { security_groups: [] });
    renderApp(`/instances/${server.id}`, bff);
    await waitFor(() => expect(screen.getByTestId('detail-flavor').textContent).toContain('m1.small'));

    fireEvent.click(screen.getByTestId('detail-actions'));
    expect(screen.getByTestId('menu-item-confirm-resize').getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByTestId('menu-item-revert-resize').getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByTestId('menu-item-resize').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByTestId('menu-item-revert-resize'));

    const badge = () => screen.getAllByTestId('server-status')[0]!;
    await waitFor(() => expect(badge().dataset.pending).toBe('true'));
    expect(bff.calls('POST', `${serverPath}/action`)[0]?.body).toEqual({ revertResize: null });
    // Nova accepts the revert without a task state: a read right after still shows the resized server.
    const readsBefore = bff.calls('GET', serverPath).length;
    await waitFor(() => expect(bff.calls('GET', serverPath).length).toBeGreaterThan(readsBefore), { timeout: 8000 });
    expect(badge().dataset.pending).toBe('true');

    reverted = true;
    await waitFor(() => expect(badge().dataset.pending).toBe('false'), { timeout: 8000 });
    expect(badge().dataset.status).toBe('ACTIVE');
    expect(screen.getByTestId('detail-flavor').textContent).toContain(server.flavor.original_name);
  }, 20_000);

  it('detaching an interface stays pending until Nova no longer reports it, then reads the ports again', async () => {
    // The server with a second interface, on a port of its own; Nova detaches it after answering the DELETE.
    const kept = { ...ports[1]!, device_id: server.id };
    const extra = { ...ports[2]!, device_id: server.id };
    const keptAddress = server.addresses['demo-net']![0]!;
    const extraAddress = { ...keptAddress, addr: extra.fixed_ips[0]!.ip_address, 'OS-EXT-IPS-MAC:mac_addr': extra.mac_address };
    const withExtra = { ...server, addresses: { 'demo-net': [keptAddress, extraAddress] } };
    const detached = { ...server, addresses: { 'demo-net': [keptAddress] } };
    // Nova answers the DELETE at once and finishes later: until then the server keeps the interface and Neutron the
    // port bound to it.
    let novaDone = false;
    const serverPath = `/api/os/compute/servers/${server.id}`;
    const bff = new FakeBff()
      .on('GET', serverPath, () => Response.json({ server: novaDone ? detached : withExtra }))
      .on('DELETE', `${serverPath}/os-interface/${extra.id}`, new Response(null, { status: 202 }))
      .on('GET', '/api/os/network/v2.0/ports', () => Response.json({ ports: novaDone ? [kept] : [kept, extra] }))
      .on('GET', '/api/os/network/v2.0/floatingips', { floatingips: [] })
      .on('GET', '/api/os/network/v2.0/security-groups', { security_groups: [] })
      .on('GET', '/api/os/network/v2.0/networks', { networks: [] });
    renderApp(`/instances/${server.id}?tab=interfaces`, bff);
    await waitFor(() => expect(screen.getAllByTestId('interface-row')).toHaveLength(2));

    fireEvent.click(screen.getByTestId('detail-actions'));
    fireEvent.click(screen.getByTestId('menu-item-detach-interface'));
    fireEvent.change(await screen.findByTestId('detach-interface-port'), { target: { value: extra.id } });
    fireEvent.click(screen.getByTestId('action-submit'));

    const badge = () => screen.getAllByTestId('server-status')[0]!;
    await waitFor(() => expect(badge().dataset.pending).toBe('true'));
    // Read again after the DELETE, the server still has the interface: still pending, the port still listed.
    const readsBefore = bff.calls('GET', serverPath).length;
    await waitFor(() => expect(bff.calls('GET', serverPath).length).toBeGreaterThan(readsBefore), { timeout: 8000 });
    expect(badge().dataset.pending).toBe('true');
    expect(screen.getAllByTestId('interface-row')).toHaveLength(2);

    novaDone = true;
    await waitFor(() => expect(badge().dataset.pending).toBe('false'), { timeout: 8000 });
    await waitFor(() => expect(screen.getAllByTestId('interface-row').map((row) => row.dataset.portId)).toEqual([kept.id]));
  }, 20_000);
});

const detailBff = () =>
  new FakeBff()
    .on('GET', `/api/os/compute/servers/${server.id}`, { server })
    .on('GET', '/api/os/network/v2.0/ports', { ports: [] })
    .on('GET', '/api/os/network/v2.0/security-groups', { security_groups: [] });

describeFormFailures('instance forms refused by Nova', {
  rename: {
    page: `/instances/${server.id}`,
    bff: detailBff,
    open: byDetailMenu('Rename'),
    fields: [
      ['Name', 'web-1'],
      ['Description', 'kept after a refusal'],
    ],
    method: 'PUT',
    path: `/api/os/compute/servers/${server.id}`,
    refusal: {
      status: 400,
      requestId: 'req-5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a811',
      body: { badRequest: { code: 400, message: "Invalid input for field/attribute description. Value: kept after a refusal. 'kept after a refusal' does not match '^[^\\x00-\\x1f]*$'" } },
    },
    message: 'Invalid input for field/attribute description.',
    success: { server: { ...server, name: 'web-1' } },
  },
  'create snapshot': {
    page: `/instances/${server.id}`,
    bff: detailBff,
    open: byDetailMenu('Create snapshot'),
    fields: [['Snapshot name', 'web-before-upgrade']],
    method: 'POST',
    path: `/api/os/compute/servers/${server.id}/action`,
    refusal: {
      status: 409,
      requestId: 'req-6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b922',
      body: { conflictingRequest: { code: 409, message: `Cannot 'createImage' instance ${server.id} while it is in task_state image_snapshot` } },
    },
    message: 'while it is in task_state image_snapshot',
    success: Response.json({ image_id: 'new-image' }, { status: 202 }),
  },
});
