// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import { loadFeatureCatalog } from '../../../lib/i18n';
import { ScopeContext } from '../../../lib/scope';
import { FlavorCreator } from './flavor-creator';

beforeAll(() => {
  // jsdom has <dialog> but no modal behaviour.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const scope = { region: 'RegionOne', projectId: 'p-admin', projectName: 'admin', services: [] };

/** Nova and Keystone as the form meets them; the first extra specs call is refused. */
function stubCloud() {
  const writes: { method: string; url: string; body: unknown }[] = [];
  let extraSpecsAttempts = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.startsWith('/api/versions/')) return Response.json({ serviceType: 'compute', minMicroversion: '2.1', maxMicroversion: '2.96' });
      if (url === '/api/os/identity/projects') return Response.json({ projects: [{ id: 'p-demo', name: 'demo', domain_id: 'default' }] });
      writes.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(init.body as string) : undefined });
      if (url === '/api/os/compute/flavors') {
        return Response.json({ flavor: { id: 'f-new', name: 'm1.custom', vcpus: 1, ram: 512, disk: 1, swap: '', 'OS-FLV-EXT-DATA:ephemeral': 0, 'os-flavor-access:is_public': false } });
      }
      if (url.endsWith('/os-extra_specs') && (extraSpecsAttempts += 1) === 1) {
        return Response.json({ badRequest: { code: 400, message: 'Invalid extra spec hw:cpu_policy' } }, { status: 400, headers: { 'x-openstack-request-id': 'req-specs' } });
      }
      return Response.json({}, { status: 200 });
    }),
  );
  return writes;
}

function renderCreator() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ScopeContext.Provider value={scope}>
        <MemoryRouter initialEntries={['/flavors']}>
          <Routes>
            <Route path="/flavors" element={<FlavorCreator />} />
            <Route path="/flavors/:id" element={<p data-testid="detail-page">detail</p>} />
          </Routes>
        </MemoryRouter>
      </ScopeContext.Provider>
    </QueryClientProvider>,
  );
}

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

// Outside the app's routes, the feature's words load here.
beforeAll(() => loadFeatureCatalog('flavors'));

describe('FlavorCreator', () => {
  it('keeps the input on a refusal after the flavor exists, and the retry sends only the calls not made yet', async () => {
    const writes = stubCloud();
    renderCreator();
    fireEvent.click(screen.getByTestId('flavor-create-open'));
    fill('flavor-create-name', 'm1.custom');
    fireEvent.click(screen.getByTestId('flavor-create-public'));
    fireEvent.click(screen.getByTestId('extra-spec-add'));
    fireEvent.change(screen.getByLabelText('Extra spec key 1'), { target: { value: 'hw:cpu_policy' } });
    fireEvent.change(screen.getByLabelText('Extra spec value 1'), { target: { value: 'shared' } });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'demo' }));

    fireEvent.click(screen.getByTestId('flavor-create-submit'));
    expect(await screen.findByTestId('error-message')).toHaveProperty('textContent', 'Invalid extra spec hw:cpu_policy');
    expect(screen.getByTestId('error-request-id').textContent).toBe('req-specs');
    expect(screen.getByTestId('flavor-created-partially').textContent).toContain('m1.custom');
    expect(screen.getByTestId<HTMLInputElement>('flavor-create-name').value).toBe('m1.custom');

    fireEvent.click(screen.getByTestId('flavor-create-submit'));
    await screen.findByTestId('detail-page');
    expect(writes.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /api/os/compute/flavors',
      'POST /api/os/compute/flavors/f-new/os-extra_specs',
      'POST /api/os/compute/flavors/f-new/os-extra_specs',
      'POST /api/os/compute/flavors/f-new/action',
    ]);
    expect(writes[0]!.body).toMatchObject({ flavor: { name: 'm1.custom', id: null, 'os-flavor-access:is_public': false } });
    expect(writes[3]!.body).toEqual({ addTenantAccess: { tenant: 'p-demo' } });
  });

  it('shows what is wrong before sending anything', async () => {
    const writes = stubCloud();
    renderCreator();
    fireEvent.click(screen.getByTestId('flavor-create-open'));
    fill('flavor-create-ram', '0');
    fireEvent.click(screen.getByTestId('flavor-create-submit'));
    await waitFor(() => expect(screen.getAllByTestId('field-error').map((element) => element.textContent)).toEqual(['Required.', 'A whole number of at least 1.']));
    expect(writes).toEqual([]);
  });
});
