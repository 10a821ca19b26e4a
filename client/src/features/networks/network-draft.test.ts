import { describe, expect, it } from 'vitest';
import { emptyNetworkSettings, networkChanges, networkCreateBody, networkCreateCli, networkProblem, networkSettingsOf, networkUpdateCli } from './network-draft';
import type { Network } from '../../resources/networks/types';

const network: Network = {
  id: 'n1',
  name: 'blue',
  status: 'ACTIVE',
  admin_state_up: true,
  project_id: 'p1',
  shared: false,
  'router:external': false,
  subnets: [],
  mtu: 1450,
  port_security_enabled: true,
};

describe('network settings', () => {
  it('need a name and, when given, an MTU IPv4 can live with', () => {
    expect(networkProblem(emptyNetworkSettings())).toBe('nameMissing');
    expect(networkProblem({ ...emptyNetworkSettings(), name: 'a', mtu: '67' })).toBe('mtuInvalid');
    expect(networkProblem({ ...emptyNetworkSettings(), name: 'a', mtu: '1.5' })).toBe('mtuInvalid');
    expect(networkProblem({ ...emptyNetworkSettings(), name: 'a', mtu: '1400' })).toBeNull();
  });

  it('create: admin-only attributes are only named when asked for', () => {
    const plain = { ...emptyNetworkSettings(), name: ' blue ' };
    expect(JSON.parse(JSON.stringify(networkCreateBody(plain)))).toEqual({ network: { name: 'blue', admin_state_up: true, port_security_enabled: true } });
    expect(networkCreateCli(plain)).toEqual(['network', 'create', 'blue']);
    const full = { ...plain, adminStateUp: false, portSecurity: false, mtu: '1400', shared: true, external: true };
    expect(networkCreateBody(full).network).toMatchObject({ mtu: 1400, shared: true, 'router:external': true, admin_state_up: false });
    expect(networkCreateCli(full)).toEqual(['network', 'create', '--disable', '--disable-port-security', '--mtu', '1400', '--share', '--external', 'blue']);
  });

  it('edit: only what changed is sent and shown', () => {
    const same = networkChanges(network, networkSettingsOf(network));
    expect(Object.values(same).every((value) => value === undefined)).toBe(true);
    const changes = networkChanges(network, { ...networkSettingsOf(network), name: 'green', portSecurity: false, mtu: '1400' });
    expect(JSON.parse(JSON.stringify(changes))).toEqual({ name: 'green', mtu: 1400, port_security_enabled: false });
    expect(networkUpdateCli(network, changes)).toEqual(['network', 'set', '--name', 'green', '--mtu', '1400', '--disable-port-security', 'n1']);
  });
});
