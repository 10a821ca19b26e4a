import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import type { Scope } from '../../lib/scope';
import { networkExtensionProbe } from './network-extensions';

const scope = {} as Scope;

describe('a Neutron extension probe', () => {
  const probe = networkExtensionProbe('vpnaas', 'vpn');

  it('reads GET /v2.0/extensions: allowed when the alias is listed, denied (hidden) when it is not', async () => {
    expect(probe.request(scope)).toEqual({ method: 'GET', path: '/api/os/network/v2.0/extensions' });
    expect(await probe.read!({ ok: true, body: { extensions: [{ alias: 'router' }, { alias: 'vpnaas' }] } }, scope)).toEqual({ state: 'allowed' });
    expect(await probe.read!({ ok: true, body: { extensions: [{ alias: 'router' }] } }, scope)).toMatchObject({ state: 'denied', reason: 'Neutron does not offer the vpnaas extension' });
  });

  it('cannot tell when Neutron does not answer', async () => {
    const error = new ApiError(503, 'network', 'Service Unavailable');
    expect(await probe.read!({ ok: false, error }, scope)).toEqual({ state: 'unknown', error });
  });
});
