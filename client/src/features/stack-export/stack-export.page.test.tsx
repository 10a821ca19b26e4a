// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { FakeBff, openstackError } from '../../testing/fake-bff';
import { blockStorageVersions, neutronForbiddenError } from '../../testing/fixtures';
import topology from '../../testing/fixtures/export-topology.json';
import sessionDemo from '../../testing/fixtures/session-demo.json';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';

// The e2e topology as captured (fixtures/README.md): servers sx-web (floating IP) and sx-db (volume sx-data), their
// ports on sx-net behind sx-router to "public", groups sx-web and sx-db (which lets sx-web in).
const [sxDb, sxWeb] = [topology.servers.find((server) => server.name === 'sx-db')!, topology.servers.find((server) => server.name === 'sx-web')!];
const demo2 = { id: 'ad340735b51d45a0a7fefc2e7ca44bcf', name: 'demo-2', domainId: 'default', enabled: true };
const demo = { id: sessionDemo.project.id, name: 'demo', domainId: 'default', enabled: true };

function topologyBff() {
  return new FakeBff()
    .on('GET', '/api/versions/block-storage', blockStorageVersions)
    .on('GET', '/api/os/compute/servers/detail', { servers: topology.servers })
    .on('GET', '/api/os/network/v2.0/ports', { ports: topology.ports })
    .on('GET', '/api/os/network/v2.0/networks', { networks: topology.networks })
    .on('GET', '/api/os/network/v2.0/subnets', { subnets: topology.subnets })
    .on('GET', '/api/os/network/v2.0/routers', { routers: topology.routers })
    .on('GET', '/api/os/network/v2.0/security-groups', { security_groups: topology.security_groups })
    .on('GET', '/api/os/network/v2.0/floatingips', { floatingips: topology.floatingips })
    .on('GET', '/api/os/block-storage/volumes/detail', { volumes: topology.volumes })
    .on('GET', '/api/os/compute/os-keypairs', { keypairs: [] })
    .on('GET', '/api/os/compute/os-server-groups', { server_groups: [] })
    .on('GET', '/api/os/image/v2/images', { images: [{ id: sxWeb.image.id, name: 'cirros-tiny' }] })
    .on('GET', '/api/auth/projects', { projects: [demo, demo2] });
}

const exportPath = `/stacks/export?server=${sxWeb.id}&server=${sxDb.id}`;

/** The template the page holds, as it sends it to Heat's validate. */
async function validatedTemplate(bff: FakeBff): Promise<string> {
  fireEvent.click(await screen.findByTestId('export-validate'));
  await waitFor(() => expect(bff.calls('POST', '/api/os/orchestration/validate')).toHaveLength(1));
  return (bff.calls('POST', '/api/os/orchestration/validate')[0]!.body as { template: string }).template;
}

beforeAll(() => {
  // jsdom lays nothing out: CodeMirror measuring its text ranges would throw (and log) in every test.
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] });
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

describe('template export page', () => {
  afterEach(cleanupApp);

  it('explains what the template re-creates, each from its original, and what it does not', async () => {
    renderApp(exportPath, topologyBff());
    const resources = await screen.findByTestId('export-resources');
    expect(resources.textContent).toContain('What it re-creates (14 resources)');
    expect(within(resources).getByText('server_sx_web').closest('li')?.textContent).toBe(`server_sx_web OS::Nova::Serverfrom instance sx-web (${sxWeb.id})`);
    expect(resources.textContent).toContain('security_group_sx_db OS::Neutron::SecurityGroup');
    expect(resources.textContent).toContain('volume_sx_data_attachment OS::Cinder::VolumeAttachment');
    const leftOut = screen.getByTestId('export-left-out');
    expect(leftOut.textContent).toContain('Not re-created as they are (6)');
    expect(leftOut.textContent).toContain(`volume sx-data (${topology.volumes[0]!.id}): re-created empty; its data is not copied.`);
    expect(leftOut.textContent).toContain('belongs to another project: not re-created, referred to by the parameter external_network_public');
    expect(screen.getByTestId('export-parameters').textContent).toContain('flavor_m1_tiny flavor m1.tinydefault m1.tiny');
  });

  it('has Heat validate the template it shows, and says Heat accepts it', async () => {
    const bff = topologyBff().on('POST', '/api/os/orchestration/validate', { Description: 'x', Parameters: { a: {}, b: {}, c: {} } });
    renderApp(exportPath, bff);
    const template = parse(await validatedTemplate(bff), { version: '1.1' }) as { heat_template_version: string; resources: Record<string, { type: string }> };
    expect(template.heat_template_version).toBe('2018-08-31');
    expect(Object.keys(template.resources)).toContain('server_sx_db');
    expect((await screen.findByTestId('export-validation')).textContent).toBe('Heat accepts the template; it has 3 parameters.');
  });

  it('shows Heat’s refusal with its request id', async () => {
    const bff = topologyBff().on(
      'POST',
      '/api/os/orchestration/validate',
      openstackError({ status: 400, requestId: 'req-heat-validate', body: { title: 'Bad Request', explanation: 'The server could not comply', code: 400, error: { message: 'The Resource Type (OS::Nope) could not be found.', type: 'StackValidationFailed' } } }),
    );
    renderApp(exportPath, bff);
    await validatedTemplate(bff);
    expect((await screen.findByTestId('error-message')).textContent).toBe('The Resource Type (OS::Nope) could not be found.');
    expect(screen.getByTestId('error-request-id').textContent).toBe('req-heat-validate');
  });

  it('downloads the template as a YAML file named after the project', async () => {
    const created: Blob[] = [];
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL: (blob: Blob) => (created.push(blob), 'blob:template'), revokeObjectURL: () => undefined });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('demo-template.yaml');
    });
    renderApp(exportPath, topologyBff());
    fireEvent.click(await screen.findByTestId('export-download'));
    expect(click).toHaveBeenCalledTimes(1);
    const text = await new Promise<unknown>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.readAsText(created[0]!);
    });
    expect(text).toContain('heat_template_version: "2018-08-31"');
    expect(created[0]!.type).toBe('application/yaml');
    click.mockRestore();
  });

  it('launches in another project: switches to it, then hands the template to the launch page', async () => {
    const bff = topologyBff().on('POST', '/api/auth/scope', { ...sessionDemo, project: { ...sessionDemo.project, id: demo2.id, name: 'demo-2' }, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const { router } = renderApp(exportPath, bff);
    await screen.findByTestId('export-resources');
    const project = await screen.findByTestId('export-project');
    await waitFor(() => expect(within(project).getByRole('option', { name: 'demo-2' })).toBeTruthy());
    fireEvent.change(project, { target: { value: demo2.id } });
    fireEvent.click(screen.getByTestId('export-launch-button'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/stacks/launch'));
    expect(bff.calls('POST', '/api/auth/scope').map((call) => call.body)).toEqual([{ projectId: demo2.id }]);
    const state = router.state.location.state as { template: string };
    expect(state.template).toContain('# From server sx-web');
  });

  it('launches in the same project without switching', async () => {
    const bff = topologyBff();
    const { router } = renderApp(exportPath, bff);
    await screen.findByTestId('export-resources');
    fireEvent.click(screen.getByTestId('export-launch-button'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/stacks/launch'));
    expect(bff.calls('POST', '/api/auth/scope')).toHaveLength(0);
  });

  it('shows a service’s refusal to list, with its request id, instead of a template', async () => {
    renderApp(exportPath, topologyBff().on('GET', '/api/os/network/v2.0/ports', openstackError(neutronForbiddenError)));
    expect((await screen.findByTestId('error-request-id')).textContent).toBe(neutronForbiddenError.requestId);
    expect(screen.queryByTestId('export-resources')).toBeNull();
  });

  it('without a selection, says where to choose and offers the whole project', async () => {
    const { router } = renderApp('/stacks/export', topologyBff());
    fireEvent.click(await screen.findByTestId('export-whole-project'));
    await waitFor(() => expect(router.state.location.search).toBe('?project=all'));
    expect((await screen.findByTestId('export-resources')).textContent).toContain('server_sx_db');
    expect(screen.queryByTestId('export-whole-project')).toBeNull();
  });
});

describe('"Export as template" on a list page', () => {
  afterEach(cleanupApp);

  it('hands the selected instances to the export page', async () => {
    const bff = topologyBff().on('GET', '/api/os/compute/servers/detail', { servers: topology.servers });
    renderApp('/instances', bff);
    const row = await rowOf('sx-web');
    fireEvent.click(within(row).getByRole('checkbox'));
    const link = await screen.findByTestId('bulk-export-template');
    expect(link.getAttribute('href')).toBe(`/stacks/export?server=${sxWeb.id}`);
    expect(link.textContent).toBe('Export as template');
  });

  it('offers it on a page without bulk actions (networks), the rows then selectable', async () => {
    renderApp('/networks', topologyBff());
    const row = await rowOf('sx-net');
    fireEvent.click(within(row).getByRole('checkbox'));
    expect((await screen.findByTestId('bulk-export-template')).getAttribute('href')).toBe(`/stacks/export?network=${topology.networks[0]!.id}`);
  });
});
