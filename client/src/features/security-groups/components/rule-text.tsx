// How a rule reads: its protocol, its ports (or ICMP type and code) and its peer, in the user's language.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SecurityGroup, SecurityGroupRule } from '../../../resources/security-groups/types';

// Neutron's port protocols (SG_PORT_PROTO_NAMES/NUMS) and ICMP by name or number (legacy icmpv6 included).
const portProtocols = new Set(['tcp', 'udp', 'dccp', 'sctp', 'udplite', '6', '17', '33', '132', '136']);
const icmpProtocols = new Set(['icmp', 'ipv6-icmp', 'icmpv6', '1', '58']);

export function useRuleFormat() {
  const { t } = useTranslation();
  const protocol = (rule: SecurityGroupRule) => {
    if (rule.protocol === null) return t('security-groups.rules.anyProtocol');
    if (rule.protocol === 'ipv6-icmp' || rule.protocol === 'icmpv6') return 'ICMPv6';
    return rule.protocol.toUpperCase();
  };
  const ports = (rule: SecurityGroupRule) => {
    const { port_range_min: min, port_range_max: max } = rule;
    if (rule.protocol !== null && icmpProtocols.has(rule.protocol)) {
      if (min === null) return t('security-groups.rules.anyIcmp');
      return max === null ? t('security-groups.rules.icmpType', { type: min }) : t('security-groups.rules.icmpTypeCode', { type: min, code: max });
    }
    if (rule.protocol !== null && portProtocols.has(rule.protocol)) {
      if (min === null) return t('security-groups.rules.anyPort');
      return min === max ? String(min) : `${min}–${max}`;
    }
    return '—';
  };
  return { protocol, ports };
}

/** The rule's peer: a CIDR (anywhere said in words too), another group (linked), or an address group. */
export function RuleRemote({ rule, groups }: { rule: SecurityGroupRule; groups: readonly SecurityGroup[] | undefined }) {
  const { t } = useTranslation();
  if (rule.remote_group_id) {
    const group = groups?.find((candidate) => candidate.id === rule.remote_group_id);
    const name = group?.name || rule.remote_group_id;
    return (
      <span data-testid="rule-remote-value">
        {rule.remote_group_id === rule.security_group_id ? t('security-groups.rules.sameGroup') : t('security-groups.rules.group')}{' '}
        <Link to={`/security-groups/${rule.remote_group_id}`} className="font-medium text-brand hover:underline">
          {name}
        </Link>
      </span>
    );
  }
  if (rule.remote_address_group_id) {
    return <span data-testid="rule-remote-value">{t('security-groups.rules.addressGroup', { id: rule.remote_address_group_id })}</span>;
  }
  const prefix = rule.remote_ip_prefix ?? (rule.ethertype === 'IPv4' ? '0.0.0.0/0' : '::/0');
  const anywhere = prefix === '0.0.0.0/0' || prefix === '::/0';
  return (
    <span data-testid="rule-remote-value">
      <code className="font-mono text-xs">{prefix}</code>
      {anywhere && <span className="ml-1 text-xs text-fg-muted">({t('security-groups.rules.anywhere')})</span>}
    </span>
  );
}

/** One line saying what a rule lets through. */
export function RuleSummary({ rule, groups }: { rule: SecurityGroupRule; groups: readonly SecurityGroup[] | undefined }) {
  const { t } = useTranslation();
  const format = useRuleFormat();
  return (
    <p className="text-sm">
      {t(`security-groups.rules.direction.${rule.direction}`)} · {rule.ethertype} · {format.protocol(rule)} · {format.ports(rule)} ·{' '}
      <RuleRemote rule={rule} groups={groups} />
    </p>
  );
}
