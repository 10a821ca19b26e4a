import { describe, expect, it } from 'vitest';
import { applyTemplate, duplicateOf, emptyRuleDraft, networkOfCidr, ruleCreateBody, ruleCreateCli, ruleKey, ruleProblems, type RuleDraft } from './rules';
import type { SecurityGroupRule } from '../../resources/security-groups/types';

const draft = (change: Partial<RuleDraft>): RuleDraft => ({ ...emptyRuleDraft, ...change });

const rule = (change: Partial<SecurityGroupRule>): SecurityGroupRule => ({
  id: 'r1',
  security_group_id: 'sg-1',
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: 'tcp',
  port_range_min: 22,
  port_range_max: 22,
  remote_ip_prefix: '0.0.0.0/0',
  remote_group_id: null,
  ...change,
});

describe('rule form checks (what Neutron would refuse, said before sending)', () => {
  it('accepts a plain SSH rule and every port', () => {
    expect(ruleProblems(draft({ portMin: '22' }))).toEqual({});
    expect(ruleProblems(draft({}))).toEqual({});
    expect(ruleProblems(draft({ portMin: '8000', portMax: '8080' }))).toEqual({});
  });

  it('refuses a reversed port range, port 0, a port above 65535, text, and a last port without a first', () => {
    expect(ruleProblems(draft({ portMin: '8080', portMax: '8000' }))).toEqual({ portMax: 'portRangeReversed' });
    expect(ruleProblems(draft({ portMin: '0' }))).toEqual({ portMin: 'portInvalid' });
    expect(ruleProblems(draft({ portMin: '22', portMax: '65536' }))).toEqual({ portMax: 'portInvalid' });
    expect(ruleProblems(draft({ portMin: 'ssh' }))).toEqual({ portMin: 'portInvalid' });
    expect(ruleProblems(draft({ portMax: '80' }))).toEqual({ portMin: 'portMissing' });
  });

  it('refuses an ICMP code without a type and values above 255', () => {
    expect(ruleProblems(draft({ protocol: 'icmp', icmpCode: '0' }))).toEqual({ icmpCode: 'icmpCodeWithoutType' });
    expect(ruleProblems(draft({ protocol: 'icmp', icmpType: '256' }))).toEqual({ icmpType: 'icmpTypeInvalid' });
    expect(ruleProblems(draft({ protocol: 'icmp', icmpType: '8', icmpCode: '0' }))).toEqual({});
    // Ports typed for TCP are ignored once the protocol is ICMP.
    expect(ruleProblems(draft({ protocol: 'icmp', portMin: 'x' }))).toEqual({});
  });

  it('refuses invalid CIDRs, a CIDR of the other IP version, and host bits set', () => {
    expect(ruleProblems(draft({ remoteCidr: '10.0.0.0/33' }))).toEqual({ remoteCidr: 'cidrInvalid' });
    expect(ruleProblems(draft({ remoteCidr: '10.0.0/24' }))).toEqual({ remoteCidr: 'cidrInvalid' });
    expect(ruleProblems(draft({ remoteCidr: '10.0.0.0/24/1' }))).toEqual({ remoteCidr: 'cidrInvalid' });
    expect(ruleProblems(draft({ ethertype: 'IPv6', protocol: 'tcp', remoteCidr: '10.0.0.0/24' }))).toEqual({ remoteCidr: 'cidrEthertypeMismatch' });
    expect(ruleProblems(draft({ remoteCidr: '2001:db8::/32' }))).toEqual({ remoteCidr: 'cidrEthertypeMismatch' });
    expect(ruleProblems(draft({ remoteCidr: '10.0.0.5/24' }))).toEqual({ remoteCidr: 'cidrHostBits' });
    expect(networkOfCidr('10.0.0.5/24')).toBe('10.0.0.0/24');
    expect(ruleProblems(draft({ remoteCidr: '192.0.2.7' }))).toEqual({});
    expect(ruleProblems(draft({ ethertype: 'IPv6', remoteCidr: '2001:db8::/32' }))).toEqual({});
  });

  it('refuses ICMPv6 and IPv6-only protocol numbers on IPv4, and numbers outside 0-255', () => {
    expect(ruleProblems(draft({ protocol: 'ipv6-icmp' }))).toEqual({ protocol: 'protocolEthertypeMismatch' });
    expect(ruleProblems(draft({ protocol: 'number', protocolNumber: '58' }))).toEqual({ protocolNumber: 'protocolEthertypeMismatch' });
    expect(ruleProblems(draft({ protocol: 'number', protocolNumber: '256' }))).toEqual({ protocolNumber: 'protocolNumberInvalid' });
    expect(ruleProblems(draft({ protocol: 'number', protocolNumber: '47' }))).toEqual({});
  });

  it('needs a group when the remote is a group', () => {
    expect(ruleProblems(draft({ remote: 'group' }))).toEqual({ remoteGroupId: 'groupMissing' });
    expect(ruleProblems(draft({ remote: 'group', remoteGroupId: 'sg-2' }))).toEqual({});
  });
});

describe('rule body and CLI', () => {
  it('sends what `openstack security group rule create` sends: anywhere said explicitly, a single port as a range of one', () => {
    expect(ruleCreateBody('sg-1', draft({ portMin: '22' }))).toEqual({
      security_group_rule: {
        security_group_id: 'sg-1',
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        port_range_min: 22,
        port_range_max: 22,
        remote_ip_prefix: '0.0.0.0/0',
        remote_group_id: null,
      },
    });
    expect(ruleCreateCli('sg-1', draft({ portMin: '22' }))).toEqual([
      'security', 'group', 'rule', 'create', '--ingress', '--ethertype', 'IPv4', '--protocol', 'tcp', '--dst-port', '22:22', '--remote-ip', '0.0.0.0/0', 'sg-1',
    ]);
  });

  it('puts the ICMP type and code in the port fields, and names a remote group', () => {
    const icmp = draft({ protocol: 'icmp', icmpType: '8', icmpCode: '0', remote: 'group', remoteGroupId: 'sg-2', description: 'ping' });
    expect(ruleCreateBody('sg-1', icmp).security_group_rule).toMatchObject({
      protocol: 'icmp', port_range_min: 8, port_range_max: 0, remote_group_id: 'sg-2', remote_ip_prefix: null, description: 'ping',
    });
    expect(ruleCreateCli('sg-1', icmp)).toEqual([
      'security', 'group', 'rule', 'create', '--ingress', '--ethertype', 'IPv4', '--protocol', 'icmp', '--icmp-type', '8', '--icmp-code', '0',
      '--remote-group', 'sg-2', '--description', 'ping', 'sg-1',
    ]);
  });

  it('sends any protocol as null and an egress IPv6 rule to ::/0', () => {
    const egress = draft({ direction: 'egress', ethertype: 'IPv6', protocol: 'any' });
    expect(ruleCreateBody('sg-1', egress).security_group_rule).toMatchObject({ direction: 'egress', protocol: null, remote_ip_prefix: '::/0', port_range_min: null });
    expect(ruleCreateCli('sg-1', egress)).toEqual([
      'security', 'group', 'rule', 'create', '--egress', '--ethertype', 'IPv6', '--protocol', 'any', '--remote-ip', '::/0', 'sg-1',
    ]);
  });
});

describe('templates', () => {
  it('fill in the usual rules, keeping the IP version', () => {
    expect(applyTemplate(emptyRuleDraft, 'ssh', 'sg-1')).toMatchObject({ protocol: 'tcp', portMin: '22', remote: 'cidr' });
    expect(applyTemplate(emptyRuleDraft, 'rdp', 'sg-1')).toMatchObject({ protocol: 'tcp', portMin: '3389' });
    expect(applyTemplate(draft({ ethertype: 'IPv6' }), 'icmp', 'sg-1')).toMatchObject({ protocol: 'ipv6-icmp', ethertype: 'IPv6' });
    expect(applyTemplate(draft({ portMin: '80', remoteCidr: '10.0.0.0/8' }), 'same-group', 'sg-1')).toMatchObject({
      protocol: 'any', remote: 'group', remoteGroupId: 'sg-1', portMin: '', remoteCidr: '',
    });
  });
});

describe('duplicates (Neutron _rule_to_key)', () => {
  it('finds the rule a draft repeats, whatever the description', () => {
    const existing = [rule({ id: 'ssh', description: 'admin access' })];
    expect(duplicateOf(draft({ portMin: '22' }), existing)?.id).toBe('ssh');
    expect(duplicateOf(draft({ portMin: '22', remoteCidr: '0.0.0.0/0', description: 'other' }), existing)?.id).toBe('ssh');
    expect(duplicateOf(draft({ portMin: '22', portMax: '23' }), existing)).toBeUndefined();
    expect(duplicateOf(draft({ portMin: '22', direction: 'egress' }), existing)).toBeUndefined();
    expect(duplicateOf(draft({ portMin: '22', remoteCidr: '10.0.0.0/8' }), existing)).toBeUndefined();
  });

  it('treats names and numbers, no remote and anywhere, and the full port range as Neutron does', () => {
    expect(ruleKey(rule({ protocol: '6' }))).toBe(ruleKey(rule({ protocol: 'tcp' })));
    expect(ruleKey(rule({ remote_ip_prefix: null }))).toBe(ruleKey(rule({ remote_ip_prefix: '0.0.0.0/0' })));
    expect(ruleKey(rule({ port_range_min: 1, port_range_max: 65535 }))).toBe(ruleKey(rule({ port_range_min: null, port_range_max: null })));
    expect(ruleKey(rule({ ethertype: 'IPv6', protocol: 'icmp', port_range_min: null, port_range_max: null, remote_ip_prefix: null }))).toBe(
      ruleKey(rule({ ethertype: 'IPv6', protocol: 'ipv6-icmp', port_range_min: null, port_range_max: null, remote_ip_prefix: '::/0' })),
    );
    expect(ruleKey(rule({ remote_ip_prefix: '192.0.2.7' }))).toBe(ruleKey(rule({ remote_ip_prefix: '192.0.2.7/32' })));
    expect(ruleKey(rule({ ethertype: 'IPv6', remote_ip_prefix: '2001:DB8::/32' }))).toBe(ruleKey(rule({ ethertype: 'IPv6', remote_ip_prefix: '2001:db8:0::/32' })));
  });

  it('finds a remote-group rule duplicate, and none against another group', () => {
    const existing = [rule({ id: 'all', protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remote_group_id: 'sg-1' })];
    expect(duplicateOf(applyTemplate(emptyRuleDraft, 'same-group', 'sg-1'), existing)?.id).toBe('all');
    expect(duplicateOf(applyTemplate(emptyRuleDraft, 'same-group', 'sg-2'), existing)).toBeUndefined();
  });
});
