// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRouter } from 'react-router';
import { api } from '../api/client';
import { ScopeContext, type Scope } from '../scope';
import type { PageReads } from './api-reads';
import { shownReadsLimit } from './api-reads-panel';
import { DetailHeader, DetailState } from './detail';
import { PageHeader } from './page-header';

const scope: Scope = {
  projectId: 'p1',
  projectName: 'demo',
  region: 'RegionOne',
  services: [
    { type: 'compute', name: 'nova', url: 'http://127.0.0.1:8774/v2.1' },
    { type: 'image', name: 'glance', url: 'http://127.0.0.1:9292' },
  ],
};

const reads: PageReads = {
  commands: [['server', 'list', '--long', '--name', "it's"]],
  requests: ['/api/os/compute/servers/detail', '/api/os/image/v2/images'],
};

/** Logs a GET as the API client does, answered at once. */
function logGet(path: string, status = 200, requestId?: string) {
  const service = /^\/api\/os\/([^/]+)/.exec(path)?.[1] ?? 'zenith';
  let finish: ReturnType<typeof api.requestLog.start> | undefined;
  act(() => {
    finish = api.requestLog.start({ service, method: 'GET', path, headers: service === 'compute' ? { 'OpenStack-API-Version': 'compute 2.93', 'X-OpenStack-Nova-API-Version': '2.93' } : {} });
  });
  act(() => finish?.({ status, requestId }));
}

function inScope(children: ReactNode) {
  return (
    <MemoryRouter>
      <ScopeContext value={scope}>{children}</ScopeContext>
    </MemoryRouter>
  );
}

function openPanel() {
  const toggle = screen.getByTestId('api-reads-toggle');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const panel = screen.getByTestId('api-reads-panel');
  expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
  return panel;
}

beforeEach(() => api.requestLog.clear());
afterEach(cleanup);

describe('the API panel of a page header', () => {
  it('is only there for a page that declares its reads', () => {
    render(inScope(<PageHeader title="Instances" />));
    expect(screen.queryByTestId('api-reads-toggle')).toBeNull();
  });

  it("shows the page's openstack command, quoted, and its GETs at the catalog's endpoints, with their outcome", () => {
    logGet('/api/os/network/v2.0/networks'); // another page's call, before this one
    render(inScope(<PageHeader title="Instances" reads={reads} />));
    logGet('/api/os/compute/servers/detail?limit=21&sort_key=created_at', 200, 'req-nova-1');
    logGet('/api/os/compute/flavors/detail'); // not this page's
    logGet('/api/os/image/v2/images?id=in%3Ai1', 403);
    const panel = openPanel();

    expect(within(panel).getByTestId('api-reads-cli').textContent).toBe("openstack server list --long --name 'it'\\''s'");
    const calls = within(panel).getAllByTestId('api-read');
    expect(calls.map((call) => within(call).getByTestId('api-read-http-url').textContent)).toEqual([
      'http://127.0.0.1:8774/v2.1/servers/detail?limit=21&sort_key=created_at',
      'http://127.0.0.1:9292/v2/images?id=in%3Ai1',
    ]);
    expect(within(calls[0]!).getByTestId('api-read-http-method').textContent).toBe('GET');
    const headers = within(calls[0]!).getByTestId('api-read-http-text').textContent;
    expect(headers).toContain('X-Auth-Token: $OS_TOKEN');
    expect(headers).toContain('OpenStack-API-Version: compute 2.93');
    expect(within(calls[0]!).getByTestId('api-read-status').textContent).toContain('200');
    expect(within(calls[0]!).getByTestId('api-read-status').textContent).toContain('req-nova-1');
    expect(within(calls[1]!).getByTestId('api-read-status').textContent).toContain('403');
    expect(within(panel).queryByText(/read before the page appeared/)).toBeNull();
  });

  it('follows the calls as the page makes them, and counts the repeated ones', () => {
    render(inScope(<PageHeader title="Instances" reads={reads} />));
    const panel = openPanel();
    expect(within(panel).getByTestId('api-reads-none')).toBeTruthy();
    logGet('/api/os/compute/servers/detail?limit=21');
    logGet('/api/os/compute/servers/detail?limit=21');
    const calls = within(panel).getAllByTestId('api-read');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.textContent).toContain('made 2 times');
  });

  it('shows the call a cached page came from, made before it appeared, and says so', () => {
    logGet('/api/os/compute/servers/detail?limit=21');
    render(inScope(<PageHeader title="Instances" reads={reads} />));
    const panel = openPanel();
    const [call] = within(panel).getAllByTestId('api-read');
    expect(within(call!).getByTestId('api-read-http-url').textContent).toBe('http://127.0.0.1:8774/v2.1/servers/detail?limit=21');
    expect(call!.textContent).toContain('read before the page appeared');
  });

  it(`shows the latest ${shownReadsLimit} calls of a page that makes many`, () => {
    render(inScope(<PageHeader title="Instances" reads={reads} />));
    for (let index = 0; index < shownReadsLimit + 3; index++) logGet(`/api/os/compute/servers/detail?marker=m${index}`);
    const panel = openPanel();
    expect(within(panel).getAllByTestId('api-read')).toHaveLength(shownReadsLimit);
    expect(within(panel).getByTestId('api-reads-hidden').textContent).toBe('3 earlier calls not shown');
    expect(within(panel).getAllByTestId('api-read').at(-1)!.textContent).toContain(`marker=m${shownReadsLimit + 2}`);
  });

  it('closes again', () => {
    render(inScope(<PageHeader title="Instances" reads={reads} />));
    openPanel();
    fireEvent.click(screen.getByTestId('api-reads-toggle'));
    expect(screen.queryByTestId('api-reads-panel')).toBeNull();
  });
});

describe('the API panel of a detail page', () => {
  it("counts the resource's own read, made before its header showed, as the page's", () => {
    const detailReads: PageReads = { commands: [['server', 'show', 's1']], requests: ['/api/os/compute/servers/s1'] };
    const page = (data: { name: string } | undefined) =>
      inScope(
        <DetailState query={{ data, error: null, refetch: () => undefined }} loading="Loading" deleted="Deleted" deletedTestId="deleted">
          {(server) => <DetailHeader title={server.name} reads={detailReads} />}
        </DetailState>,
      );
    const { rerender } = render(page(undefined));
    logGet('/api/os/compute/servers/s1');
    rerender(page({ name: 'web-1' }));
    const panel = openPanel();
    expect(within(panel).getByTestId('api-reads-cli').textContent).toBe('openstack server show s1');
    const [call] = within(panel).getAllByTestId('api-read');
    expect(within(call!).getByTestId('api-read-http-url').textContent).toBe('http://127.0.0.1:8774/v2.1/servers/s1');
    expect(call!.textContent).not.toContain('read before the page appeared');
  });
});
