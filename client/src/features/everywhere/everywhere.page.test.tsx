// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EverywhereLine } from '@contract/everywhere';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff } from '../../testing/fake-bff';
import { blockStorageVersions, floatingIps, servers, volumes } from '../../testing/fixtures';
import sessionDemo from '../../testing/fixtures/session-demo.json';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';

afterEach(() => {
  cleanupApp();
  localStorage.clear();
});

const streamPath = '/api/everywhere/compute/servers/detail';
const demo = { id: sessionDemo.project.id, name: 'demo' };
const demo2 = { id: 'p-demo-2', name: 'demo-2' };
const [web, db] = [servers[0]!, servers[1]!];

const start: EverywhereLine = { kind: 'start', projects: [demo, demo2], regions: ['RegionOne', 'RegionTwo'], omittedProjects: 0 };
const okLine = (project: typeof demo, region: string, items: object[], truncated = false): EverywhereLine => ({
  kind: 'result',
  ok: true,
  project,
  region,
  status: 200,
  requestId: 'req-ok',
  items: items as Record<string, unknown>[],
  truncated,
});
const failedLine: EverywhereLine = {
  kind: 'result',
  ok: false,
  project: demo2,
  region: 'RegionTwo',
  status: 503,
  error: { status: 503, message: 'compute is unreachable', requestId: 'req-failed-1', code: 'upstream_unreachable' },
};
const end: EverywhereLine = { kind: 'end', results: 4, elapsedMs: 40 };

/** An NDJSON answer the test writes line by line (each line cut in two pieces, as a network may deliver it). */
function streamedAnswer() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start: (given) => {
      controller = given;
    },
  });
  return {
    answer: () => new Response(body, { headers: { 'content-type': 'application/x-ndjson', 'x-zenith-request-id': 'req-zenith' } }),
    send: (...lines: EverywhereLine[]) => {
      for (const line of lines) {
        const text = `${JSON.stringify(line)}\n`;
        const half = Math.floor(text.length / 2);
        controller.enqueue(encoder.encode(text.slice(0, half)));
        controller.enqueue(encoder.encode(text.slice(half)));
      }
    },
    close: () => controller.close(),
  };
}

/** A whole answer at once. */
const wholeAnswer = (...lines: EverywhereLine[]) => () =>
  new Response(lines.map((line) => `${JSON.stringify(line)}\n`).join(''), { headers: { 'content-type': 'application/x-ndjson' } });

// The app's first render (its shell, the session, the lazy page) takes jsdom seconds on a busy machine.
describe('all my instances', { timeout: 20_000 }, () => {
  it('shows the first project’s rows before the last line arrives, with progress', async () => {
    const stream = streamedAnswer();
    renderApp('/everywhere', new FakeBff().on('GET', streamPath, stream.answer));
    stream.send(start, okLine(demo, 'RegionOne', [web]));

    const row = await rowOf(web.name);
    expect(within(row).getByTestId('server-project').textContent).toBe('demo');
    expect(within(row).getByTestId('server-region').textContent).toBe('RegionOne');
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(within(row).getByText(web.flavor.original_name)).toBeTruthy();
    expect(screen.getByTestId('everywhere-progress').textContent).toContain('1 of 4 project × region reads');

    stream.send(okLine(demo2, 'RegionOne', [db]), okLine(demo, 'RegionTwo', []));
    const other = await rowOf(db.name);
    expect(within(other).getByTestId('server-project').textContent).toBe('demo-2');
    await waitFor(() => expect(screen.getByTestId('everywhere-progress').textContent).toContain('3 of 4 project × region reads'));

    stream.send(okLine(demo2, 'RegionTwo', [], true), end);
    stream.close();
    await waitFor(() => expect(screen.queryByTestId('everywhere-progress')).toBeNull());
    expect(screen.getByTestId('everywhere-truncated').textContent).toContain('demo-2 in RegionTwo: only the first page');
    expect(screen.queryByTestId('everywhere-cut-short')).toBeNull();
  });

  it('links an instance of the current scope directly, another project’s after switching scope, and says so', async () => {
    const bff = new FakeBff()
      .on('GET', streamPath, wholeAnswer(start, okLine(demo, 'RegionOne', [web]), okLine(demo2, 'RegionTwo', [db]), end))
      .on('POST', '/api/auth/scope', { ...sessionDemo, project: { ...sessionDemo.project, id: demo2.id, name: 'demo-2' }, region: 'RegionTwo' });
    const { router } = renderApp('/everywhere', bff);

    const here = within(await rowOf(web.name)).getByRole('link', { name: web.name });
    expect(here.getAttribute('href')).toBe(`/instances/${web.id}`);
    expect(here.getAttribute('title')).toBeNull();

    const there = within(rowOf.now(db.name)).getByRole('link', { name: db.name });
    expect(there.getAttribute('title')).toBe('Opens in project demo-2, RegionTwo');
    fireEvent.click(there);
    // The scope switch answers, then the instance's page loads its modules and words: the first time in a test run
    // they are compiled, which took over 5 s on a busy machine.
    await waitFor(() => expect(router.state.location.pathname).toBe(`/instances/${db.id}`), { timeout: 15_000 });
    expect(bff.calls('POST', '/api/auth/scope')[0]?.body).toEqual({ projectId: demo2.id, region: 'RegionTwo' });
  });

  it('names a project × region that failed, with its message and request id; Retry reads again', async () => {
    const bff = new FakeBff().on(
      'GET',
      streamPath,
      wholeAnswer(start, okLine(demo, 'RegionOne', [web]), failedLine, okLine(demo2, 'RegionOne', []), okLine(demo, 'RegionTwo', []), end),
      wholeAnswer(start, okLine(demo, 'RegionOne', [web]), okLine(demo2, 'RegionTwo', [db]), okLine(demo2, 'RegionOne', []), okLine(demo, 'RegionTwo', []), end),
    );
    renderApp('/everywhere', bff);

    const failure = await screen.findByTestId('everywhere-failure');
    expect(failure.textContent).toContain('demo-2 in RegionTwo');
    expect(within(failure).getByTestId('everywhere-failure-message').textContent).toContain('compute is unreachable');
    expect(within(failure).getByTestId('everywhere-failure-request-id').textContent).toBe('req-failed-1');
    // The rest still shows.
    expect(await rowOf(web.name)).toBeTruthy();

    fireEvent.click(screen.getByTestId('everywhere-retry'));
    expect(await rowOf(db.name)).toBeTruthy();
    expect(screen.queryByTestId('everywhere-not-loaded')).toBeNull();
    expect(bff.calls('GET', streamPath)).toHaveLength(2);
  });

  it('filters by project and by region in the browser', async () => {
    const bff = new FakeBff().on('GET', streamPath, wholeAnswer(start, okLine(demo, 'RegionOne', [web]), okLine(demo2, 'RegionTwo', [db]), end));
    renderApp('/everywhere', bff);
    await rowOf(db.name);

    fireEvent.change(screen.getByTestId('filter-project'), { target: { value: demo2.id } });
    await waitFor(() => expect(screen.queryByText(web.name)).toBeNull());
    expect(rowOf.now(db.name)).toBeTruthy();

    fireEvent.change(screen.getByTestId('filter-region'), { target: { value: 'RegionOne' } });
    expect(await screen.findByText('No instance matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(await rowOf(web.name)).toBeTruthy();
    expect(rowOf.now(db.name)).toBeTruthy();
    expect(bff.calls('GET', streamPath)).toHaveLength(1);
  });

  it("stops an instance of another project from its row, in that project and region, and polls it there until it stopped", async () => {
    const running = { ...db, status: 'ACTIVE', 'OS-EXT-STS:vm_state': 'active', 'OS-EXT-STS:task_state': null, locked: false };
    const bff = new FakeBff()
      .on('GET', streamPath, wholeAnswer(start, okLine(demo, 'RegionOne', [web]), okLine(demo2, 'RegionTwo', [running]), okLine(demo2, 'RegionOne', [running]), end))
      .on('POST', `/api/os/compute/servers/${db.id}/action`, new Response(null, { status: 202 }))
      .on('GET', `/api/os/compute/servers/${db.id}`, { server: { ...running, status: 'SHUTOFF', 'OS-EXT-STS:vm_state': 'stopped' } });
    renderApp('/everywhere', bff);

    const rowIn = (region: string) => document.querySelector<HTMLElement>(`[data-row-id="${region}/${demo2.id}/${db.id}"]`)!;
    await waitFor(() => expect(rowIn('RegionTwo')).toBeTruthy());
    fireEvent.click(within(rowIn('RegionTwo')).getByRole('button', { name: `Actions for ${db.name} (demo-2, RegionTwo)` }));
    fireEvent.click(screen.getByTestId('menu-item-stop'));

    // The same server listed in both regions (the local cloud's RegionTwo is RegionOne's endpoints): the row acted on
    // follows it, under its own watch.
    await waitFor(() => expect(within(rowIn('RegionTwo')).getByText('Stopped')).toBeTruthy());
    const [stop] = bff.calls('POST', `/api/os/compute/servers/${db.id}/action`);
    expect(stop?.body).toEqual({ 'os-stop': null });
    expect(stop?.headers.get('x-zenith-target-scope')).toBe(`${demo2.id}/RegionTwo`);
    expect(stop?.headers.get('x-zenith-scope')).toBeNull();
    const polls = bff.calls('GET', `/api/os/compute/servers/${db.id}`);
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((poll) => poll.headers.get('x-zenith-target-scope') === `${demo2.id}/RegionTwo`)).toBe(true);
    // The session never moved: no scope switch.
    expect(bff.calls('POST', '/api/auth/scope')).toHaveLength(0);
    // The action's own words, as on the instances page; no link, since the page would open in the session's scope.
    expect((await screen.findByTestId('success-notice-text')).textContent).toBe(`Stopped ${db.name}.`);
    expect(screen.queryByTestId('success-notice-link')).toBeNull();
  });

  it('lists volumes and floating IPs of every project with their project and region, under tabs', async () => {
    const [volume] = volumes;
    const [ip] = floatingIps;
    const bff = new FakeBff()
      .on('GET', '/api/versions/block-storage', blockStorageVersions)
      .on('GET', '/api/everywhere/block-storage/volumes/detail', wholeAnswer(start, okLine(demo2, 'RegionTwo', [volume!]), failedLine, end))
      .on('GET', '/api/everywhere/network/v2.0/floatingips', wholeAnswer(start, okLine(demo, 'RegionOne', [ip!]), end));
    const { router } = renderApp('/everywhere/volumes', bff);

    expect(await screen.findByRole('heading', { name: 'All my volumes' })).toBeTruthy();
    const row = await rowOf(volume!.name!);
    expect(within(row).getByTestId('volume-project').textContent).toBe('demo-2');
    expect(within(row).getByTestId('volume-region').textContent).toBe('RegionTwo');
    expect(within(row).getByTestId('volume-size').textContent).toBe(`${volume!.size} GiB`);
    expect(screen.getByTestId('everywhere-failure').textContent).toContain('demo-2 in RegionTwo');

    fireEvent.click(screen.getByTestId('everywhere-tab-floating-ips'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/everywhere/floating-ips'));
    const ipRow = await rowOf(ip!.floating_ip_address);
    expect(within(ipRow).getByTestId('floating-ip-project').textContent).toBe('demo');
    expect(within(ipRow).getByTestId('floating-ip-region').textContent).toBe('RegionOne');
  });

  it('speaks French', { timeout: 20_000 }, async () => {
    const stream = streamedAnswer();
    renderApp('/everywhere', new FakeBff().on('GET', streamPath, stream.answer));
    stream.send(start, okLine(demo, 'RegionOne', [web]), failedLine);
    await screen.findByRole('heading', { name: 'All my instances' });
    fireEvent.change(screen.getByTestId('language-switcher'), { target: { value: 'fr' } });
    expect(await screen.findByRole('heading', { name: 'Toutes mes instances' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('everywhere-progress').textContent).toContain('2 lectures projet × région sur 4'));
    expect(screen.getByTestId('everywhere-failure').textContent).toContain('demo-2 dans RegionTwo');
    expect(screen.getByTestId('everywhere-retry').textContent).toBe('Réessayer');
    stream.close();
  });

  it('speaks French on the volumes and floating IPs pages too', { timeout: 20_000 }, async () => {
    const bff = new FakeBff()
      .on('GET', '/api/versions/block-storage', blockStorageVersions)
      .on('GET', '/api/everywhere/block-storage/volumes/detail', wholeAnswer(start, okLine(demo, 'RegionOne', []), end))
      .on('GET', '/api/everywhere/network/v2.0/floatingips', wholeAnswer(start, okLine(demo, 'RegionOne', []), end));
    renderApp('/everywhere/volumes', bff);
    // The language the previous test chose may still be the one in use: French is asked for either way.
    fireEvent.change(await screen.findByTestId('language-switcher'), { target: { value: 'fr' } });
    expect(await screen.findByRole('heading', { name: 'Tous mes volumes' })).toBeTruthy();
    expect(await screen.findByText('Aucun volume dans vos projets.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('everywhere-tab-floating-ips'));
    expect(await screen.findByRole('heading', { name: 'Toutes mes IP flottantes' })).toBeTruthy();
    expect(screen.getByTestId('everywhere-tab-volumes').textContent).toBe('Volumes');
  });
});
