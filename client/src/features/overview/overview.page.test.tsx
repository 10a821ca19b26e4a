// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff, heldAnswer } from '../../testing/fake-bff';
import { blockStorageVersions, keypairs } from '../../testing/fixtures';
import cinderLimits from '../../testing/fixtures/cinder-limits.json';
import neutronQuota from '../../testing/fixtures/neutron-quota-details.json';
import sessionDemo from '../../testing/fixtures/session-demo.json';
import { cleanupApp, renderApp } from '../../testing/render-app';

afterEach(cleanupApp);

const novaLimits = { limits: { absolute: { maxTotalInstances: 10, totalInstancesUsed: 2, maxTotalCores: 20, totalCoresUsed: 3, maxTotalRAMSize: 51200, totalRAMUsed: 1024, maxTotalKeypairs: 100, maxServerGroups: 10, totalServerGroupsUsed: 0 } } };

describe('overview page', () => {
  it('shows the compute gauges from Nova’s limits at once, and the key pairs’ count when its own read answers', async () => {
    const keypairList = heldAnswer();
    const bff = new FakeBff()
      .on('GET', '/api/versions/block-storage', blockStorageVersions)
      .on('GET', '/api/os/compute/limits', novaLimits)
      .on('GET', '/api/os/compute/os-keypairs', keypairList.answer)
      .on('GET', `/api/os/network/v2.0/quotas/${sessionDemo.project.id}/details`, neutronQuota)
      .on('GET', '/api/os/block-storage/limits', cinderLimits);
    renderApp('/', bff);
    await waitFor(() => expect(screen.getByTestId('gauge-compute-instances-used').textContent).toBe('2'));
    // The key pairs' gauge keeps its place, its count to come.
    const gauge = screen.getByTestId('gauge-compute-keypairs');
    expect(gauge.dataset.pending).toBe('true');
    expect(screen.queryByTestId('gauge-compute-keypairs-used')).toBeNull();

    keypairList.release(Response.json({ keypairs: keypairs.map((keypair) => ({ keypair })) }));
    await waitFor(() => expect(screen.getByTestId('gauge-compute-keypairs-used').textContent).toBe(String(keypairs.length)));
    expect(screen.getByTestId('gauge-compute-keypairs').dataset.pending).toBeUndefined();
  });
});
