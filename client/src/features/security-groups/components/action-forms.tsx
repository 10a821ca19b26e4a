// The input forms of the security group actions, rendered inside the action dialog. The rule form says what is
// wrong next to the field at fault, and which existing rule a new one would duplicate, before anything is sent.
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { QueryGate } from '../../../lib/ui/query-gate';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useServerNames } from '../../../resources/servers/server-names';
import type { GroupSettings } from '../inputs';
import { useGroupMembers, useSecurityGroups } from '../../../resources/security-groups/security-groups';
import {
  applyTemplate,
  duplicateOf,
  hasIcmpFields,
  hasPorts,
  networkOfCidr,
  protocolChoices,
  ruleProblems,
  ruleTemplates,
  type ProtocolChoice,
  type RuleDraft,
  type RuleField,
} from '../rules';
import type { Ethertype, RuleDirection, SecurityGroup } from '../../../resources/security-groups/types';
import { RuleSummary } from './rule-text';

export function GroupSettingsForm({ resource, value, onChange }: ActionFormProps<SecurityGroup | ProjectTarget, GroupSettings>) {
  const { t } = useTranslation();
  const fixedName = 'security_group_rules' in resource && resource.name === 'default';
  return (
    <div className="space-y-3" data-testid="group-settings-form">
      <TextField
        label={t('security-groups.forms.name')}
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        disabled={fixedName}
        hint={fixedName ? t('security-groups.forms.defaultNameFixed') : undefined}
        testId="group-name"
      />
      <TextField
        label={t('security-groups.forms.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="group-description"
        multiline
      />
    </div>
  );
}

const problemText = (problem: string) => `security-groups.rules.problems.${problem}` as ParseKeys;

export function RuleForm({ resource: group, value, onChange }: ActionFormProps<SecurityGroup, RuleDraft>) {
  const { t } = useTranslation();
  const groups = useSecurityGroups();
  const problems = ruleProblems(value);
  const duplicate = duplicateOf(value, group.security_group_rules);
  // "Choose a group" is what the submit button's reason already says: no error under an untouched chooser.
  const errorOf = (field: RuleField) => {
    const problem = problems[field];
    if (!problem || problem === 'groupMissing') return undefined;
    return t(problemText(problem), { network: networkOfCidr(value.remoteCidr) });
  };
  const set = (change: Partial<RuleDraft>) => onChange({ ...value, ...change });
  const setEthertype = (ethertype: Ethertype) => {
    // ICMP is a different protocol on IPv6: keep the user's intent when the family changes.
    const icmpOf: Partial<Record<ProtocolChoice, ProtocolChoice>> = { icmp: 'ipv6-icmp', 'ipv6-icmp': 'icmp' };
    const switched = value.protocol in icmpOf && (ethertype === 'IPv6') === (value.protocol === 'icmp');
    set({ ethertype, protocol: switched ? icmpOf[value.protocol]! : value.protocol });
  };

  return (
    <div className="space-y-3" data-testid="rule-form">
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-fg">{t('security-groups.rules.templates.title')}</legend>
        <div className="flex flex-wrap gap-1.5">
          {ruleTemplates.map((template) => (
            <Button key={template} className="px-2 py-1 text-xs" onClick={() => onChange(applyTemplate(value, template, group.id))} data-testid={`rule-template-${template}`}>
              {t(`security-groups.rules.templates.${template}`)}
            </Button>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label={t('security-groups.rules.fields.direction')}
          value={value.direction}
          onChange={(direction) => set({ direction: direction as RuleDirection })}
          options={(['ingress', 'egress'] as const).map((direction) => ({ value: direction, label: t(`security-groups.rules.direction.${direction}`) }))}
          testId="rule-direction"
        />
        <SelectField
          label={t('security-groups.rules.fields.ethertype')}
          value={value.ethertype}
          onChange={(ethertype) => setEthertype(ethertype as Ethertype)}
          options={(['IPv4', 'IPv6'] as const).map((ethertype) => ({ value: ethertype, label: ethertype }))}
          testId="rule-ethertype"
        />
        <SelectField
          label={t('security-groups.rules.fields.protocol')}
          value={value.protocol}
          onChange={(protocol) => set({ protocol: protocol as ProtocolChoice })}
          options={protocolChoices.map((protocol) => ({ value: protocol, label: t(`security-groups.rules.protocols.${protocol}`) }))}
          error={errorOf('protocol')}
          testId="rule-protocol"
        />
      </div>
      {value.protocol === 'number' && (
        <TextField
          label={t('security-groups.rules.fields.protocolNumber')}
          hint={t('security-groups.rules.hints.protocolNumber')}
          value={value.protocolNumber}
          onChange={(protocolNumber) => set({ protocolNumber })}
          error={errorOf('protocolNumber')}
          inputMode="numeric"
          testId="rule-protocol-number"
        />
      )}
      {hasPorts(value.protocol) && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t('security-groups.rules.fields.portMin')}
            hint={t('security-groups.rules.hints.portMin')}
            value={value.portMin}
            onChange={(portMin) => set({ portMin })}
            error={errorOf('portMin')}
            inputMode="numeric"
            testId="rule-port-min"
          />
          <TextField
            label={t('security-groups.rules.fields.portMax')}
            hint={t('security-groups.rules.hints.portMax')}
            value={value.portMax}
            onChange={(portMax) => set({ portMax })}
            error={errorOf('portMax')}
            inputMode="numeric"
            testId="rule-port-max"
          />
        </div>
      )}
      {hasIcmpFields(value.protocol) && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t('security-groups.rules.fields.icmpType')}
            hint={t('security-groups.rules.hints.icmpType')}
            value={value.icmpType}
            onChange={(icmpType) => set({ icmpType })}
            error={errorOf('icmpType')}
            inputMode="numeric"
            testId="rule-icmp-type"
          />
          <TextField
            label={t('security-groups.rules.fields.icmpCode')}
            hint={t('security-groups.rules.hints.icmpCode')}
            value={value.icmpCode}
            onChange={(icmpCode) => set({ icmpCode })}
            error={errorOf('icmpCode')}
            inputMode="numeric"
            testId="rule-icmp-code"
          />
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <SelectField
          label={t('security-groups.rules.fields.remote')}
          value={value.remote}
          onChange={(remote) => set({ remote: remote as RuleDraft['remote'] })}
          options={(['cidr', 'group'] as const).map((remote) => ({ value: remote, label: t(`security-groups.rules.remote.${remote}`) }))}
          testId="rule-remote"
        />
        {value.remote === 'cidr' ? (
          <TextField
            label={t('security-groups.rules.fields.remoteCidr')}
            hint={t('security-groups.rules.hints.remoteCidr', { anywhere: value.ethertype === 'IPv4' ? '0.0.0.0/0' : '::/0' })}
            placeholder={value.ethertype === 'IPv4' ? '0.0.0.0/0' : '::/0'}
            value={value.remoteCidr}
            onChange={(remoteCidr) => set({ remoteCidr })}
            error={errorOf('remoteCidr')}
            testId="rule-remote-cidr"
          />
        ) : (
          <QueryGate query={groups} loading={t('security-groups.forms.loading')}>
            {(list) => (
              <SelectField
                label={t('security-groups.rules.fields.remoteGroup')}
                hint={t('security-groups.rules.hints.remoteGroup')}
                value={value.remoteGroupId}
                onChange={(remoteGroupId) => set({ remoteGroupId })}
                placeholder={t('security-groups.forms.chooseGroup')}
                options={list.map((candidate) => ({
                  value: candidate.id,
                  label: candidate.id === group.id ? t('security-groups.forms.thisGroup', { name: candidate.name }) : candidate.name || candidate.id,
                }))}
                testId="rule-remote-group"
              />
            )}
          </QueryGate>
        )}
      </div>
      <TextField
        label={t('security-groups.rules.fields.description')}
        value={value.description}
        onChange={(description) => set({ description })}
        testId="rule-description"
      />
      {duplicate && Object.keys(problems).length === 0 && (
        <Notice testId="rule-duplicate">
          <p className="font-medium">{t('security-groups.rules.duplicateOf')}</p>
          <RuleSummary rule={duplicate} groups={groups.data} />
        </Notice>
      )}
    </div>
  );
}

export function AddServerForm({ resource: group, value, onChange }: ActionFormProps<SecurityGroup, { serverId: string }>) {
  const { t } = useTranslation();
  const servers = useServerNames();
  const members = useGroupMembers(group.id);
  const memberIds = new Set((members.data ?? []).map((member) => member.serverId));
  return (
    <QueryGate query={servers} loading={t('security-groups.forms.loading')}>
      {(names) => (
        <SelectField
          label={t('security-groups.members.server')}
          hint={t('security-groups.members.serverHint')}
          value={value.serverId}
          onChange={(serverId) => onChange({ serverId })}
          placeholder={names.size === 0 ? t('security-groups.members.noServer') : t('security-groups.members.chooseServer')}
          options={[...names]
            .sort(([, a], [, b]) => a.localeCompare(b))
            .map(([id, name]) => ({
              value: id,
              label: memberIds.has(id) ? `${name || id} (${t('security-groups.members.alreadyMember')})` : name || id,
              disabled: memberIds.has(id),
            }))}
          testId="add-server-choice"
        />
      )}
    </QueryGate>
  );
}
