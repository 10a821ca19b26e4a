import { describe, expect, it } from 'vitest';
import type { Subnet } from '../../resources/networks/types';
import { emptyPortSettings, portChanges, portCreateBody, portCreateCli, portIssues, portSettingsOf, portUpdateCli } from './port-draft';
import type { Port } from '../../resources/ports/types';

const subnet = { id: 's1', cidr: '10.5.0.0/24', ip_version: 4 } as Subnet;

const port: Port = {
  id: 'pt1',
  name: 'p',
  network_id: 'n1',
  project_id: 'p1',
  device_id: '',
  device_owner: '',
  mac_address: 'fa:16:3e:00:00:01',
  fixed_ips: [{ subnet_id: 's1', ip_address: '10.5.0.10' }],
  security_groups: ['sg-default'],
  status: 'DOWN',
  admin_state_up: true,
  port_security_enabled: true,
};

const issues = (changes: Partial<ReturnType<typeof emptyPortSettings>>) =>
  portIssues({ ...emptyPortSettings('n1'), subnets: [subnet], ...changes }).map((issue) => [issue.field, issue.problem, issue.detail]);

describe('portIssues', () => {
  it('needs a network, fixed IPs inside their subnet, a unicast MAC', () => {
    expect(portIssues(emptyPortSettings()).map((issue) => issue.problem)).toEqual(['networkMissing']);
    expect(issues({ fixedIps: [{ subnetId: 's1', ipAddress: '10.5.0.20' }, { subnetId: 's1', ipAddress: '' }] })).toEqual([]);
    expect(issues({ fixedIps: [{ subnetId: 's1', ipAddress: '10.6.0.20' }] })).toEqual([['fixedIps', 'ipOutside', '10.6.0.20 ∉ 10.5.0.0/24']]);
    expect(issues({ fixedIps: [{ subnetId: 's1', ipAddress: '10.5.0.300' }] })).toEqual([['fixedIps', 'ipInvalid', '10.5.0.300']]);
    expect(issues({ fixedIps: [{ subnetId: '', ipAddress: '10.5.0.3' }] })).toEqual([['fixedIps', 'subnetMissing', '10.5.0.3']]);
    expect(issues({ fixedIps: [{ subnetId: 's1', ipAddress: '10.5.0.3' }, { subnetId: 's1', ipAddress: '10.5.0.3' }] })).toEqual([['fixedIps', 'ipRepeated', '10.5.0.3']]);
    expect(issues({ macAddress: 'fa:16:3e:aa:bb:cc' })).toEqual([]);
    expect(issues({ macAddress: '01:00:5e:00:00:01' })).toEqual([['macAddress', 'macInvalid', undefined]]);
    expect(issues({ macAddress: 'fa:16:3e:aa:bb' })).toEqual([['macAddress', 'macInvalid', undefined]]);
  });

  it('drops the security groups of a port without port security (Neutron refuses both together)', () => {
    const settings = { ...emptyPortSettings('n1'), name: 'bare', portSecurity: false, securityGroupIds: ['sg'] };
    expect(portIssues(settings)).toEqual([]);
    expect(portCreateBody(settings).port.security_groups).toEqual([]);
  });
});

describe('port requests and CLI', () => {
  it('create leaves the default group to Neutron unless groups were chosen', () => {
    const settings = { ...emptyPortSettings('n1'), name: 'web', fixedIps: [{ subnetId: 's1', ipAddress: '10.5.0.9' }] };
    expect(JSON.parse(JSON.stringify(portCreateBody(settings)))).toEqual({
      port: { network_id: 'n1', name: 'web', admin_state_up: true, fixed_ips: [{ subnet_id: 's1', ip_address: '10.5.0.9' }], port_security_enabled: true },
    });
    expect(portCreateCli(settings)).toEqual(['port', 'create', '--network', 'n1', '--fixed-ip', 'subnet=s1,ip-address=10.5.0.9', 'web']);
    const bare = { ...settings, fixedIps: [], portSecurity: false };
    expect(portCreateBody(bare).port.security_groups).toEqual([]);
    expect(portCreateCli(bare)).toEqual(['port', 'create', '--network', 'n1', '--disable-port-security', '--no-security-group', 'web']);
  });

  it('edit sends only what changed', () => {
    expect(Object.values(portChanges(port, portSettingsOf(port))).every((value) => value === undefined)).toBe(true);
    const changes = portChanges(port, { ...portSettingsOf(port), name: 'q', securityGroupIds: ['sg-web', 'sg-default'] });
    expect(JSON.parse(JSON.stringify(changes))).toEqual({ name: 'q', security_groups: ['sg-web', 'sg-default'] });
    expect(portUpdateCli(port, changes)).toEqual(['port', 'set', '--name', 'q', '--no-security-group', '--security-group', 'sg-web', '--security-group', 'sg-default', 'pt1']);
    const unsecured = portChanges(port, { ...portSettingsOf(port), portSecurity: false });
    expect(JSON.parse(JSON.stringify(unsecured))).toEqual({ port_security_enabled: false, security_groups: [] });
  });
});
