// The network's settings, as the create dialog and the edit action show them. Shared and external are offered
// when the cloud lets this session create such networks (its probes, see ../probes.ts): Zenith keeps no copy of
// Neutron's policy, so a rule giving members shared networks shows the option without any change here. The edit
// form offers them on the same answer; Neutron's own update rules decide, and their 403 is shown.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapabilityState } from '../../../lib/capabilities/capability';
import { useCapabilities } from '../../../lib/capabilities/use-capability';
import type { ActionFormProps } from '../../../lib/actions/types';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { describedBy, Field, inputClass } from '../../../lib/ui/form-controls';
import { networkProblem, type NetworkSettings } from '../network-draft';
import type { Network } from '../../../resources/networks/types';
import { networkOptionProbes } from '../probes';

/** Offered when allowed, and when the probe could not tell (the API then decides); hidden until it answers. */
const offered = (capability: CapabilityState) => capability.state === 'allowed' || capability.state === 'unknown';

export function NetworkSettingsFields({ value, onChange }: { value: NetworkSettings; onChange: (value: NetworkSettings) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [sharedOption, externalOption] = useCapabilities(networkOptionProbes) as [CapabilityState, CapabilityState];
  const unchecked = t('networks.form.optionUnchecked');
  const set = <K extends keyof NetworkSettings>(key: K, field: NetworkSettings[K]) => onChange({ ...value, [key]: field });
  const mtuError = networkProblem({ ...value, name: value.name || '-' }) === 'mtuInvalid' ? t('networks.problems.mtuInvalid') : undefined;
  return (
    <div className="space-y-3" data-testid="network-settings">
      <Field id={`${id}-name`} label={t('networks.form.name')}>
        <input id={`${id}-name`} className={inputClass} value={value.name} onChange={(event) => set('name', event.target.value)} data-testid="network-name" />
      </Field>
      <Field id={`${id}-description`} label={t('networks.form.description')}>
        <input id={`${id}-description`} className={inputClass} value={value.description} onChange={(event) => set('description', event.target.value)} />
      </Field>
      <Field id={`${id}-mtu`} label={t('networks.form.mtu')} hint={t('networks.form.mtuHint')} error={mtuError}>
        <input
          id={`${id}-mtu`}
          inputMode="numeric"
          className={inputClass}
          value={value.mtu}
          onChange={(event) => set('mtu', event.target.value)}
          aria-invalid={mtuError !== undefined}
          aria-describedby={describedBy(`${id}-mtu`, { hint: true, error: mtuError !== undefined })}
          data-testid="network-mtu"
        />
      </Field>
      <div className="grid gap-2 sm:grid-cols-2">
        <CheckboxField label={t('networks.form.adminStateUp')} hint={t('networks.form.adminStateUpHint')} checked={value.adminStateUp} onChange={(checked) => set('adminStateUp', checked)} testId="network-admin-state" />
        <CheckboxField label={t('networks.form.portSecurity')} hint={t('networks.form.portSecurityHint')} checked={value.portSecurity} onChange={(checked) => set('portSecurity', checked)} testId="network-port-security" />
        {offered(sharedOption) && (
          <CheckboxField
            label={t('networks.form.shared')}
            hint={sharedOption.state === 'unknown' ? `${t('networks.form.sharedHint')} ${unchecked}` : t('networks.form.sharedHint')}
            checked={value.shared}
            onChange={(checked) => set('shared', checked)}
            testId="network-shared"
          />
        )}
        {offered(externalOption) && (
          <CheckboxField
            label={t('networks.form.external')}
            hint={externalOption.state === 'unknown' ? `${t('networks.form.externalHint')} ${unchecked}` : t('networks.form.externalHint')}
            checked={value.external}
            onChange={(checked) => set('external', checked)}
            testId="network-external"
          />
        )}
      </div>
    </div>
  );
}

export function EditNetworkForm({ value, onChange }: ActionFormProps<Network, NetworkSettings>) {
  return <NetworkSettingsFields value={value} onChange={onChange} />;
}
