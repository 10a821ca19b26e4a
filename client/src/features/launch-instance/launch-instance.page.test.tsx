// @vitest-environment jsdom
// The launch wizard is this feature's one form, over seven steps: a refusal of the launch must leave every step as
// the user filled it.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, openstackError, type CapturedError } from '../../testing/fake-bff';
import { flavors, images, networks, securityGroups, subnets } from '../../testing/fixtures';
import { cleanupApp, renderApp } from '../../testing/render-app';

const image = images[0]!;
const flavor = flavors.find((candidate) => candidate.disk >= 1 && candidate.ram <= 4096) ?? flavors[0]!;
const network = networks.find((candidate) => !candidate['router:external'])!;
const serversPath = '/api/os/compute/servers';
const refusal: CapturedError = {
  status: 403,
  requestId: 'req-8f9a0b1c-2d3e-4f4a-9b5c-d6e7f8a9b0ee',
  body: { forbidden: { code: 403, message: 'Quota exceeded for cores: Requested 2, but already used 19 of 20 cores' } },
};

function launchBff() {
  return new FakeBff()
    .on('GET', '/api/os/image/v2/images', { images, first: '/v2/images', schema: '/v2/schemas/images' })
    .on('GET', '/api/os/compute/flavors/detail', { flavors })
    .on('GET', '/api/os/network/v2.0/networks', { networks })
    .on('GET', '/api/os/network/v2.0/subnets', { subnets })
    .on('GET', '/api/os/network/v2.0/ports', { ports: [] })
    .on('GET', '/api/os/network/v2.0/security-groups', { security_groups: securityGroups })
    .on('GET', '/api/os/compute/os-keypairs', { keypairs: [] })
    .on('GET', '/api/os/compute/os-server-groups', { server_groups: [] })
    .on('GET', '/api/os/compute/os-availability-zone', { availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts: null }] })
    .on('POST', serversPath, openstackError(refusal), Response.json({ server: { id: 'new-server', links: [], security_groups: [{ name: 'default' }], adminPass: 'x' } }, { status: 202 }));
}

const next = () => fireEvent.click(screen.getByTestId('wizard-next'));
const onStep = (step: string) => waitFor(() => expect(screen.getByTestId(`step-${step}`).getAttribute('aria-current')).toBe('step'));
const field = (label: string) => screen.findByLabelText<HTMLInputElement>(label);

describe('launch wizard refused by Nova', { timeout: 30_000 }, () => {
  afterEach(cleanupApp);

  it("shows Nova's refusal with its request id, keeps every step as filled, and launches on the second try", async () => {
    const bff = launchBff();
    renderApp(`/instances/launch?image=${image.id}`, bff);
    fireEvent.change(await field('Instance name'), { target: { value: 'web-1' } });
    fireEvent.change(await field('Description'), { target: { value: 'kept after a refusal' } });
    next();
    await onStep('source');
    next();
    await onStep('flavor');
    fireEvent.click(await screen.findByLabelText(flavor.name));
    next();
    await onStep('networks');
    fireEvent.click(await screen.findByTestId('add-network'));
    fireEvent.change(await field('Network 1'), { target: { value: network.id } });
    next();
    await onStep('access');
    next();
    await onStep('configuration');
    next();
    await onStep('summary');
    fireEvent.click(screen.getByTestId('wizard-launch'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Quota exceeded for cores: Requested 2, but already used 19 of 20 cores');
    expect(alert.textContent).toContain(refusal.requestId);
    fireEvent.click(screen.getByTestId('step-details'));
    expect([(await field('Instance name')).value, (await field('Description')).value]).toEqual(['web-1', 'kept after a refusal']);
    fireEvent.click(screen.getByTestId('step-flavor'));
    expect((await screen.findByLabelText<HTMLInputElement>(flavor.name)).checked).toBe(true);
    fireEvent.click(screen.getByTestId('step-networks'));
    expect((await field('Network 1')).value).toBe(network.id);

    fireEvent.click(screen.getByTestId('step-summary'));
    await onStep('summary');
    fireEvent.click(screen.getByTestId('wizard-launch'));
    await waitFor(() => expect(bff.calls('POST', serversPath)).toHaveLength(2));
    const [first, second] = bff.calls('POST', serversPath);
    expect(second!.body).toEqual(first!.body);
    expect(first!.body).toMatchObject({ server: { name: 'web-1', description: 'kept after a refusal', flavorRef: flavor.id, networks: [{ uuid: network.id }] } });
    await waitFor(() => expect(screen.queryByTestId('wizard-launch')).toBeNull());
  });
});
