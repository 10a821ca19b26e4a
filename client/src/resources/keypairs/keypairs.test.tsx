// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScopeContext, type Scope } from '../../lib/scope';
import { importKeypair, keypairKeys, useGenerateKeypair, useKeypairs } from './keypairs';

afterEach(() => vi.unstubAllGlobals());

const scope: Scope = { region: 'RegionOne', projectId: 'p1', projectName: 'demo', services: [] };
const privateKey = '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n-----END OPENSSH PRIVATE KEY-----\n';
const created = { name: 'k1', public_key: 'ssh-ed25519 AAAA k1', fingerprint: 'aa:bb', type: 'ssh' };

function stubNova() {
  const requests: { method: string; url: string }[] = [];
  let listed: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      requests.push({ method, url });
      if (url.startsWith('/api/versions/')) return Response.json({ serviceType: 'compute', minMicroversion: '2.1', maxMicroversion: '2.96' });
      if (method === 'POST') {
        listed = [{ keypair: created }];
        return Response.json({ keypair: { ...created, user_id: 'u1', private_key: privateKey } }, { status: 201 });
      }
      return Response.json({ keypairs: listed });
    }),
  );
  return requests;
}

function wrapperFor(queryClient: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>
      </QueryClientProvider>
    );
  };
}

describe('useGenerateKeypair', () => {
  it('hands the private key to the caller once and keeps it out of every cache', async () => {
    const requests = stubNova();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = wrapperFor(queryClient);
    const list = renderHook(() => useKeypairs(), { wrapper });
    await waitFor(() => expect(list.result.current.data).toEqual([]));

    const generate = renderHook(() => useGenerateKeypair(), { wrapper });
    let result: Awaited<ReturnType<typeof generate.result.current.mutateAsync>> | undefined;
    await act(async () => {
      result = await generate.result.current.mutateAsync({ name: 'k1' });
    });
    expect(result?.private_key).toBe(privateKey);

    // The list is refetched from Nova (which never returns a private key) rather than edited with the answer.
    await waitFor(() => expect(list.result.current.data?.map((keypair) => keypair.name)).toEqual(['k1']));
    expect(requests.filter((request) => request.method === 'GET' && request.url.includes('os-keypairs'))).toHaveLength(2);
    const cached = JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.state.data));
    expect(cached).not.toContain('PRIVATE KEY');
    expect(queryClient.getQueryData(keypairKeys.all(scope))).toEqual([created]);

    // Once the component that generated it is gone, the mutation and its result are dropped too.
    generate.unmount();
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0));
  });
});

describe('importKeypair', () => {
  it("sends the public key and type, and shows Nova's conflict message with its request id", async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string | URL, init?: RequestInit) => {
        if (String(input).startsWith('/api/versions/')) {
          return Response.json({ serviceType: 'compute', minMicroversion: '2.1', maxMicroversion: '2.96' });
        }
        bodies.push(JSON.parse(init?.body as string));
        return new Response(JSON.stringify({ conflictingRequest: { code: 409, message: "Key pair 'k1' already exists." } }), {
          status: 409,
          headers: { 'content-type': 'application/json', 'x-compute-request-id': 'req-nova-1' },
        });
      }),
    );
    await expect(importKeypair({ name: 'k1', publicKey: 'ssh-ed25519 AAAA me@host', type: 'ssh' })).rejects.toMatchObject({
      status: 409,
      service: 'compute',
      message: "Key pair 'k1' already exists.",
      requestId: 'req-nova-1',
    });
    expect(bodies).toEqual([{ keypair: { name: 'k1', public_key: 'ssh-ed25519 AAAA me@host', type: 'ssh' } }]);
  });
});
