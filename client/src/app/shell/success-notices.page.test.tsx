// @vitest-environment jsdom
// Every action that succeeds says so in a notice, from the action runner: what was done, to what, with a link to its
// page; in a polite live region; gone after a few seconds unless the user is on it. Failures stay next to the row.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBff, openstackError } from '../../testing/fake-bff';
import { novaForbiddenError, servers } from '../../testing/fixtures';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';
import { noticeMilliseconds } from '../../lib/ui/success-notices';

afterEach(() => {
  vi.useRealTimers();
  cleanupApp();
});

const listPath = '/api/os/compute/servers/detail';
const running = servers.slice(0, 2).map((server) => ({ ...server, status: 'ACTIVE', 'OS-EXT-STS:vm_state': 'active', 'OS-EXT-STS:task_state': null }));
const [first, second] = running as [(typeof running)[0], (typeof running)[0]];
const actionPath = (id: string) => `/api/os/compute/servers/${id}/action`;

function nova() {
  const bff = new FakeBff().on('GET', listPath, { servers: running });
  for (const server of running) {
    bff.on('POST', actionPath(server.id), new Response(null, { status: 202 })).on('GET', `/api/os/compute/servers/${server.id}`, { server });
  }
  return bff;
}

async function stopFromRowMenu(name: string) {
  fireEvent.click(within(await rowOf(name)).getByRole('button', { name: `Actions for ${name}` }));
  fireEvent.click(screen.getByRole('menuitem', { name: 'Stop' }));
}

const region = () => screen.getByTestId('success-notices');

describe('success notices', () => {
  it('say what was done to what, in the polite live region, with a link to its page', async () => {
    renderApp('/instances', nova());
    await rowOf(first.name);
    // In the page before anything is said: a region added with its text is often not read out.
    expect(region().getAttribute('role')).toBe('status');
    expect(region().getAttribute('aria-live')).toBe('polite');
    expect(region().textContent).toBe('');
    await stopFromRowMenu(first.name);
    const notice = await within(region()).findByTestId('success-notice');
    expect(within(notice).getByTestId('success-notice-text').textContent).toBe(`Stopped ${first.name}.`);
    const link = within(notice).getByRole('link', { name: `Open ${first.name}` });
    expect(link.getAttribute('href')).toBe(`/instances/${first.id}`);
  });

  it('count the resources of a bulk action', async () => {
    renderApp('/instances', nova());
    await rowOf(first.name);
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${first.name}` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${second.name}` }));
    fireEvent.click(screen.getByTestId('bulk-stop'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('action-submit'));
    const notice = await within(region()).findByTestId('success-notice');
    expect(notice.textContent).toContain('Stopped 2 instances.');
    // Two resources: no single page to link to.
    expect(within(notice).queryByRole('link')).toBeNull();
  });

  it('say nothing of a failure, which stays next to its resource', async () => {
    renderApp('/instances', nova().on('POST', actionPath(first.id), openstackError(novaForbiddenError)));
    await stopFromRowMenu(first.name);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(within(region()).queryByTestId('success-notice')).toBeNull();
  });

  it('hide after a few seconds, but not while hovered, and at once when dismissed', async () => {
    renderApp('/instances', nova());
    await stopFromRowMenu(first.name);
    const notice = await within(region()).findByTestId('success-notice');
    vi.useFakeTimers();
    fireEvent.mouseEnter(notice);
    await act(async () => {
      vi.advanceTimersByTime(noticeMilliseconds * 2);
    });
    expect(within(region()).queryByTestId('success-notice')).not.toBeNull();
    fireEvent.mouseLeave(notice);
    await act(async () => {
      vi.advanceTimersByTime(noticeMilliseconds + 10);
    });
    expect(within(region()).queryByTestId('success-notice')).toBeNull();
    vi.useRealTimers();

    await stopFromRowMenu(second.name);
    fireEvent.click(await within(region()).findByRole('button', { name: 'Dismiss this message' }));
    await waitFor(() => expect(within(region()).queryByTestId('success-notice')).toBeNull());
  });

  it('stay while the focus is in them', async () => {
    renderApp('/instances', nova());
    await stopFromRowMenu(first.name);
    const link = await within(region()).findByRole('link', { name: `Open ${first.name}` });
    vi.useFakeTimers();
    await act(async () => {
      link.focus();
    });
    await act(async () => {
      vi.advanceTimersByTime(noticeMilliseconds * 2);
    });
    expect(within(region()).queryByTestId('success-notice')).not.toBeNull();
  });
});
