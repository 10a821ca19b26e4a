// @vitest-environment jsdom
// The administration entries come from the cloud's answers to their probes, never from the roles' names.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, openstackError, type Answer } from '../../testing/fake-bff';
import { cinderForbiddenError, keystoneForbiddenError, novaForbiddenError } from '../../testing/fixtures';
import sessionAdmin from '../../testing/fixtures/session-admin.json';
import { cleanupApp, renderApp } from '../../testing/render-app';

const probePaths = {
  instances: '/api/os/compute/servers/detail',
  usage: '/api/os/compute/os-simple-tenant-usage',
  capacity: '/api/os/compute/os-hypervisors',
  identity: '/api/os/identity/role_assignments',
  quotas: '/api/os/identity/domains',
  volumeTypes: '/api/os/block-storage/qos-specs',
} as const;

function bffAnswering(answers: Record<keyof typeof probePaths, Answer>, session?: unknown) {
  const bff = new FakeBff(session).on('GET', '/api/os/compute/os-keypairs', { keypairs: [] });
  for (const [page, path] of Object.entries(probePaths)) bff.on('GET', path, answers[page as keyof typeof probePaths]);
  return bff;
}

const nav = () => screen.getByRole('navigation', { name: 'Main' });

afterEach(cleanupApp);

describe('the administration section', () => {
  it("is absent when the cloud refuses every probe, even to a token with the admin role (the page shows at once)", async () => {
    const refused = openstackError(novaForbiddenError);
    const bff = bffAnswering({
      instances: refused,
      usage: refused,
      capacity: refused,
      identity: openstackError(keystoneForbiddenError),
      quotas: openstackError(keystoneForbiddenError),
      volumeTypes: openstackError(cinderForbiddenError),
    }, sessionAdmin);
    renderApp('/keypairs', bff);
    await screen.findByText('No key pair yet.');
    await waitFor(() => expect(bff.calls('GET', probePaths.volumeTypes)).toHaveLength(1));
    await waitFor(() => expect(bff.calls('GET', probePaths.identity)).toHaveLength(1));
    expect(within(nav()).queryByText('Administration')).toBeNull();
    expect(within(nav()).getByRole('link', { name: 'Key pairs' })).toBeDefined();
  });

  it('shows the pages the cloud allowed, all at once, and greys the one it could not tell', async () => {
    const bff = bffAnswering({
      instances: { servers: [] },
      usage: { tenant_usages: [] },
      capacity: { hypervisors: [] },
      identity: { role_assignments: [] },
      quotas: { domains: [] },
      volumeTypes: Response.json({ message: 'Service Unavailable' }, { status: 503 }),
    });
    renderApp('/keypairs', bff);
    await screen.findByText('No key pair yet.');
    const section = await within(nav()).findByRole('list', { name: 'Administration' }, { timeout: 5000 });
    const links = within(section).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/admin/instances',
      '/admin/quotas',
      '/admin/usage',
      '/admin/capacity',
      '/admin/volume-types',
      '/admin/identity',
    ]);
    const unknown = links.find((link) => link.getAttribute('href') === '/admin/volume-types')!;
    expect(unknown.getAttribute('data-availability')).toBe('unknown');
    expect(unknown.textContent).toContain('Zenith could not check whether you may use this page');
    // The probe that could not tell was asked again before it was shown so.
    expect(bff.calls('GET', probePaths.volumeTypes)).toHaveLength(2);
    expect(links.filter((link) => link.getAttribute('data-availability') === 'unknown')).toHaveLength(1);
  });
});
