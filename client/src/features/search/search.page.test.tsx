// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, type BffRequest } from '../../testing/fake-bff';
import { cleanupApp, renderApp } from '../../testing/render-app';
import type { EverywhereLine } from '@contract/everywhere';
import { networks, ports, servers } from '../../testing/fixtures';

const server = servers[0]!;
const serverIp = Object.values(server.addresses)[0]![0]!.addr;
const port = { ...ports[0]!, name: 'search-port' };
const network = networks[0]!;

/** The resource lists the search may read; any other read is a test failure (a 404 named by the fake BFF). */
const resourcePaths = [
  '/api/os/compute/servers',
  '/api/os/compute/servers/detail',
  '/api/os/block-storage/volumes',
  '/api/os/image/v2/images',
  '/api/os/network/v2.0/networks',
  '/api/os/network/v2.0/subnets',
  '/api/os/network/v2.0/ports',
  '/api/os/network/v2.0/routers',
  '/api/os/network/v2.0/floatingips',
  '/api/os/network/v2.0/security-groups',
  '/api/os/compute/os-keypairs',
  '/api/os/orchestration/stacks',
];

function searchBff() {
  return new FakeBff()
    .on('GET', '/api/os/compute/servers/detail', ({ url }) =>
      Response.json({ servers: url.searchParams.get('ip') === serverIp ? [server] : [] }),
    )
    .on('GET', '/api/os/compute/servers', { servers: servers.map(({ id, name }) => ({ id, name })) })
    .on('GET', '/api/os/network/v2.0/ports', ({ url }) =>
      Response.json({
        ports:
          url.searchParams.get('mac_address') === port.mac_address || url.searchParams.get('fixed_ips') === `ip_address=${serverIp}`
            ? [port]
            : [],
      }),
    )
    .on('GET', '/api/os/network/v2.0/networks', ({ url }) => Response.json({ networks: url.searchParams.has('fields') ? networks.map(({ id, name }) => ({ id, name })) : [] }))
    .on('GET', '/api/os/network/v2.0/subnets', { subnets: [] })
    .on('GET', '/api/os/network/v2.0/routers', { routers: [] })
    .on('GET', '/api/os/network/v2.0/floatingips', { floatingips: [] })
    .on('GET', '/api/os/network/v2.0/security-groups', { security_groups: [] })
    .on('GET', '/api/os/block-storage/volumes', { volumes: [] })
    .on('GET', '/api/os/image/v2/images', { images: [] })
    .on('GET', '/api/os/compute/os-keypairs', { keypairs: [] })
    .on('GET', '/api/os/orchestration/stacks', { stacks: [] });
}

/** The search's reads: not the navigation's capability probes (all_tenants), which the shell asks anyway. */
const resourceReads = (requests: readonly BffRequest[]) =>
  requests.filter((request) => resourcePaths.includes(request.url.pathname) && !request.url.searchParams.has('all_tenants'));
const boxOptions = () => within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option');
const readOf = (request: BffRequest) => `${request.url.pathname}${request.url.search}`;

async function typeInBox(text: string) {
  const box = await screen.findByRole('combobox', { name: 'Search resources, pages and actions' });
  fireEvent.focus(box);
  fireEvent.change(box, { target: { value: text } });
  await waitFor(() => expect(screen.getByTestId('search-status').textContent).toMatch(/match/), { timeout: 8000 });
  return box;
}

describe('search box', { timeout: 20_000 }, () => {
  afterEach(cleanupApp);

  it('searches an IP with the services’ address filters only, and groups the matches by type', async () => {
    const { bff } = renderApp('/search', searchBff());
    await typeInBox(serverIp);
    const reads = resourceReads(bff.requests).map(readOf).sort();
    expect(reads).toEqual(
      [
        `/api/os/compute/servers/detail?ip=${serverIp}&limit=20`,
        `/api/os/network/v2.0/floatingips?project_id=${encodeURIComponent('adc28bd88afb4aefb5d562b627518fae')}&fixed_ip_address=${serverIp}&limit=20`,
        `/api/os/network/v2.0/floatingips?project_id=adc28bd88afb4aefb5d562b627518fae&floating_ip_address=${serverIp}&limit=20`,
        `/api/os/network/v2.0/ports?project_id=adc28bd88afb4aefb5d562b627518fae&fixed_ips=${encodeURIComponent(`ip_address=${serverIp}`)}&limit=20`,
        `/api/os/network/v2.0/subnets?project_id=adc28bd88afb4aefb5d562b627518fae&gateway_ip=${serverIp}&limit=20`,
      ].sort(),
    );
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    const groups = within(listbox).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('data-testid'))).toEqual(['search-group-servers', 'search-group-ports']);
    expect(within(groups[0]!).getByRole('option').textContent).toContain(server.name);
    expect(within(groups[1]!).getByRole('option').textContent).toContain('search-port');
    expect(screen.getByTestId('search-status').textContent).toBe('2 matches');
  });

  it('searches a MAC in the ports alone, with Neutron’s mac_address filter', async () => {
    const { bff } = renderApp('/search', searchBff());
    await typeInBox(port.mac_address.toUpperCase());
    expect(resourceReads(bff.requests).map(readOf)).toEqual([
      `/api/os/network/v2.0/ports?project_id=adc28bd88afb4aefb5d562b627518fae&mac_address=${encodeURIComponent(port.mac_address)}&limit=20`,
    ]);
    expect(boxOptions()[0]!.textContent).toContain(port.mac_address);
  });

  it('searches an id prefix in the browser over light lists, and says which types it searched so', async () => {
    const { bff } = renderApp('/search', searchBff());
    const prefix = network.id.slice(0, 8);
    await typeInBox(prefix);
    const networkReads = bff.calls('GET', '/api/os/network/v2.0/networks').map(readOf);
    expect(networkReads).toEqual(['/api/os/network/v2.0/networks?project_id=adc28bd88afb4aefb5d562b627518fae&fields=id&fields=name']);
    // No filter by name or id went with an id prefix: no service has a prefix filter.
    expect(resourceReads(bff.requests).some((request) => request.url.searchParams.has('name') || request.url.searchParams.has('id'))).toBe(false);
    expect(within(screen.getByTestId('search-group-networks')).getByRole('option').textContent).toContain(network.name);
    expect(screen.getByTestId('search-notes').textContent).toContain('Searched in your browser over the project\'s list');
    expect(screen.getByTestId('search-notes').textContent).toContain('Networks');
    // Floating IPs have no name but an id: they are listed too; key pairs are matched by name.
    expect(bff.calls('GET', '/api/os/network/v2.0/floatingips')).toHaveLength(1);
  });

  it('moves through the matches, then the pages, with the arrows, and opens the active one with Enter', async () => {
    const { router } = renderApp('/search', searchBff());
    const box = await typeInBox(serverIp);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const options = boxOptions();
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    // From the first, up wraps to the last: the results page.
    expect(box.getAttribute('aria-activedescendant')).toBe(options.at(-1)!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/instances/${server.id}`));
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('finds pages and actions by their label, and Ctrl+K focuses the box', async () => {
    const { bff, router } = renderApp('/search', searchBff());
    const box = await screen.findByRole('combobox', { name: 'Search resources, pages and actions' });
    fireEvent.keyDown(document, { key: 'k', ctrlKey: true });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'launch' } });
    const pages = await screen.findByTestId('search-group-pages');
    expect(within(pages).getAllByRole('option').map((option) => option.textContent)).toEqual(['Launch instance', 'Launch stack']);
    fireEvent.change(box, { target: { value: 'quota' } });
    await waitFor(() => expect(within(screen.getByTestId('search-group-pages')).getByRole('option').textContent).toBe('Quota usage (overview)'));
    fireEvent.change(box, { target: { value: 'api' } });
    await waitFor(() => expect(within(screen.getByTestId('search-group-pages')).getAllByRole('option')[0]!.textContent).toBe('API access'));
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/api-access'));
    // "api", "launch" and "quota" are names too: searched with the services' filters, never as lists.
    expect(resourceReads(bff.requests).some((request) => request.url.searchParams.has('fields'))).toBe(false);
  });

  it('opens the results page with the query in its URL when Enter is pressed with no option active', async () => {
    const { router } = renderApp('/search', searchBff());
    const box = await typeInBox(serverIp);
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(`/search?q=${serverIp}`));
    const main = await screen.findByRole('heading', { level: 2, name: 'Instances' });
    expect(main).toBeTruthy();
    expect(screen.getAllByRole('link', { name: server.name }).at(-1)!.getAttribute('href')).toBe(`/instances/${server.id}`);
  });

  it('with "all my projects", reads servers and floating IPs through the fan-out, says which types it covered, and opens another project’s match after switching there', async () => {
    const demo = { id: 'adc28bd88afb4aefb5d562b627518fae', name: 'demo' };
    const demo2 = { id: 'p-demo-2', name: 'demo-2' };
    const ndjson = (lines: EverywhereLine[]) =>
      new Response(lines.map((line) => `${JSON.stringify(line)}\n`).join(''), { headers: { 'content-type': 'application/x-ndjson' } });
    const result = (project: typeof demo, items: object[]): EverywhereLine => ({
      kind: 'result',
      ok: true,
      project,
      region: 'RegionOne',
      status: 200,
      items: items as Record<string, unknown>[],
      truncated: false,
    });
    const start: EverywhereLine = { kind: 'start', projects: [demo, demo2], regions: ['RegionOne'], omittedProjects: 0 };
    const end: EverywhereLine = { kind: 'end', results: 2, elapsedMs: 5 };
    const bff = searchBff()
      .on('GET', '/api/everywhere/compute/servers/detail', () => ndjson([start, result(demo, []), result(demo2, [server]), end]))
      .on('GET', '/api/everywhere/network/v2.0/floatingips', () => ndjson([start, result(demo, []), result(demo2, []), end]))
      .on('POST', '/api/auth/scope', { ...(await import('../../testing/fixtures/session-demo.json')).default, project: { ...demo2, domain: { id: 'default', name: 'Default' } } });
    const { router } = renderApp('/search', bff);
    const box = await screen.findByRole('combobox', { name: 'Search resources, pages and actions' });
    fireEvent.focus(box);
    fireEvent.click(screen.getByTestId('search-everywhere'));
    await typeInBox(serverIp);
    const across = bff.requests.filter((request) => request.url.pathname.startsWith('/api/everywhere/')).map(readOf).sort();
    expect(across).toEqual([`/api/everywhere/compute/servers/detail?ip=${serverIp}`, `/api/everywhere/network/v2.0/floatingips?floating_ip_address=${serverIp}`]);
    // Those types were not read in the project alone; the others were.
    const inProject = resourceReads(bff.requests).map((request) => request.url.pathname);
    expect(inProject).not.toContain('/api/os/compute/servers/detail');
    expect(inProject).not.toContain('/api/os/network/v2.0/floatingips');
    expect(inProject).toContain('/api/os/network/v2.0/ports');
    expect(screen.getByTestId('search-notes').textContent).toContain('Across all your projects and regions: Instances and Floating IPs');
    const option = within(screen.getByTestId('search-group-servers')).getByRole('option');
    expect(option.textContent).toContain('demo-2 · RegionOne');
    fireEvent.click(option);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/instances/${server.id}`));
    expect(bff.calls('POST', '/api/auth/scope')[0]!.body).toEqual({ projectId: demo2.id, region: 'RegionOne' });
  });
});
