// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../lib/i18n';
import { ScopeContext, type Scope } from '../../lib/scope';
import { KeypairCreator } from './components/keypair-creator';
import { createKeypair, keypairKeys, useKeypairs } from './keypairs';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const scope: Scope = { region: 'RegionOne', projectId: 'p1', projectName: 'demo', services: [] };
const privateKey = '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n-----END OPENSSH PRIVATE KEY-----\n';
const created = { name: 'k1', public_key: 'ssh-ed25519 AAAA k1', fingerprint: 'aa:bb', type: 'ssh' };
const versions = () => Response.json({ serviceType: 'compute', minMicroversion: '2.1', maxMicroversion: '2.96' });

/** Nova as the key pair form meets it: `create` answers every POST (after recording its body). */
function stubNova(create: () => Response) {
  const requests: { method: string; url: string; body?: unknown }[] = [];
  let listed: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      if (url.startsWith('/api/versions/')) return versions();
      requests.push({ method, url, body: init?.body ? JSON.parse(init.body as string) : undefined });
      if (method === 'POST') {
        const answer = create();
        if (answer.ok) listed = [{ keypair: created }];
        return answer;
      }
      return Response.json({ keypairs: listed });
    }),
  );
  return requests;
}

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>
    </QueryClientProvider>
  );
  const onCreated = vi.fn();
  const list = renderHook(() => useKeypairs(), { wrapper });
  render(<KeypairCreator onCreated={onCreated} />, { wrapper });
  return { queryClient, list, onCreated };
}

function fillForm(mode: 'create' | 'import', name: string) {
  fireEvent.click(screen.getByTestId(`keypair-${mode}-open`));
  fireEvent.change(screen.getByLabelText('Key pair name'), { target: { value: name } });
}

describe('creating a key pair', () => {
  it('hands the generated private key to the form once and keeps it out of every cache', async () => {
    const requests = stubNova(() => Response.json({ keypair: { ...created, user_id: 'u1', private_key: privateKey } }, { status: 201 }));
    const { queryClient, list, onCreated } = setup();
    await waitFor(() => expect(list.result.current.data).toEqual([]));

    fillForm('create', 'k1');
    fireEvent.click(screen.getByTestId('keypair-submit'));
    expect((await screen.findByTestId('private-key-download')).textContent).toContain('Key pair k1 created.');
    expect(onCreated).toHaveBeenCalledWith('k1');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ keypair: { name: 'k1', type: 'ssh' } });

    // The list is read again from Nova (which never returns a private key) rather than edited with the answer.
    await waitFor(() => expect(list.result.current.data?.map((keypair) => keypair.name)).toEqual(['k1']));
    const cached = JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.state.data));
    expect(cached).not.toContain('PRIVATE KEY');
    expect(queryClient.getQueryData(keypairKeys.all(scope))).toEqual([created]);
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0);

    // Creating the same name again (after a delete elsewhere) sends it again: the form kept no earlier answer.
    fillForm('create', 'k1');
    fireEvent.click(screen.getByTestId('keypair-submit'));
    await waitFor(() => expect(requests.filter((request) => request.method === 'POST')).toHaveLength(2));
  });

  it("imports a public key: sends it with its type, shows Nova's conflict with its request id, and keeps the input", async () => {
    const requests = stubNova(() =>
      Response.json({ conflictingRequest: { code: 409, message: "Key pair 'k1' already exists." } }, { status: 409, headers: { 'x-compute-request-id': 'req-nova-1' } }),
    );
    setup();
    fillForm('import', 'k1');
    fireEvent.change(screen.getByLabelText('Public key'), { target: { value: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host' } });
    expect(screen.getByTestId('cli-command').textContent).toBe('openstack keypair create --public-key \'<file>\' --type ssh k1');
    fireEvent.click(screen.getByTestId('keypair-submit'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Key pair 'k1' already exists.");
    expect(alert.textContent).toContain('req-nova-1');
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([
      { keypair: { name: 'k1', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host', type: 'ssh' } },
    ]);
    expect(screen.getByLabelText<HTMLInputElement>('Key pair name').value).toBe('k1');
    // A conflict is no refusal by policy: the create stays offered.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId<HTMLButtonElement>('keypair-create-open').disabled).toBe(false);
  });

  it("greys both buttons once Nova refused the create by policy, with Nova's reason", async () => {
    stubNova(() =>
      Response.json(
        { forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-keypairs:create to be performed." } },
        { status: 403, headers: { 'x-openstack-request-id': 'req-kp-403' } },
      ),
    );
    setup();
    fillForm('create', 'k2');
    fireEvent.click(screen.getByTestId('keypair-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain("Policy doesn't allow os_compute_api:os-keypairs:create to be performed.");
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    for (const mode of ['create', 'import']) expect(screen.getByTestId<HTMLButtonElement>(`keypair-${mode}-open`).disabled).toBe(true);
    // Said once for both: they are the same Nova call.
    expect(screen.getAllByTestId('action-refused').map((reason) => reason.textContent)).toEqual([
      "Not allowed here: Policy doesn't allow os_compute_api:os-keypairs:create to be performed.",
    ]);
  });
});

describe('createKeypair', () => {
  it('is the command line that makes the same key pair', () => {
    const project = { id: 'p1', name: 'demo' };
    expect(createKeypair.cli(project, { name: 'k1', type: 'x509' })).toEqual([['keypair', 'create', '--type', 'x509', 'k1']]);
    expect(createKeypair.cli(project, { name: 'my key', type: 'ssh', publicKey: 'ssh-ed25519 AAAA', publicKeyFile: 'id_ed25519.pub' })).toEqual([
      ['keypair', 'create', '--public-key', 'id_ed25519.pub', '--type', 'ssh', 'my key'],
    ]);
  });
});
