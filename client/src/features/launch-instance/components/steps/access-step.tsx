import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../../lib/ui/error-notice';
import { LoadingState } from '../../../../lib/ui/loading-state';
import { useKeypairs } from '../../../../resources/keypairs/keypairs';
import { useSecurityGroups } from '../../../../resources/security-groups/security-groups';
import type { LaunchFormValues } from '../../model/launch-form';
import { KeypairCreator } from '../../../../resources/keypairs/components/keypair-creator';

export function AccessStep() {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<LaunchFormValues>();
  const securityGroups = useSecurityGroups();
  const keypairs = useKeypairs();

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <fieldset className="min-w-0">
        <legend className="mb-2 text-sm font-semibold text-fg">{t('launch-instance.access.securityGroups')}</legend>
        <p className="mb-2 text-xs text-fg-muted">{t('launch-instance.access.securityGroupsHelp')}</p>
        {securityGroups.isPending && <LoadingState label={t('launch-instance.access.loadingGroups')} />}
        {securityGroups.error && <ErrorNotice error={securityGroups.error} onRetry={() => void securityGroups.refetch()} />}
        <Controller
          control={control}
          name="securityGroups"
          render={({ field: { value, onChange } }) => (
            <ul className="divide-y divide-line rounded-md border border-line" data-testid="security-groups">
              {(securityGroups.data ?? []).map((group) => (
                <li key={group.id}>
                  <label className="flex cursor-pointer gap-2 px-3 py-2 hover:bg-sunken">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 accent-brand"
                      checked={value.includes(group.name)}
                      onChange={(event) =>
                        onChange(event.target.checked ? [...value, group.name] : value.filter((name) => name !== group.name))
                      }
                    />
                    <span className="min-w-0">
                      <span className="block text-sm font-medium text-fg">{group.name}</span>
                      <span className="block text-xs text-fg-muted">
                        {group.description ? `${group.description} · ` : ''}
                        {t('launch-instance.access.rules', { count: group.security_group_rules.length })}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        />
      </fieldset>

      <fieldset className="min-w-0">
        <legend className="mb-2 text-sm font-semibold text-fg">{t('launch-instance.access.keypair')}</legend>
        <p className="mb-2 text-xs text-fg-muted">{t('launch-instance.access.keypairHelp')}</p>
        {keypairs.isPending && <LoadingState label={t('launch-instance.access.loadingKeypairs')} />}
        {keypairs.error && <ErrorNotice error={keypairs.error} onRetry={() => void keypairs.refetch()} />}
        <Controller
          control={control}
          name="keyName"
          render={({ field: { value, onChange } }) => (
            <ul className="mb-3 divide-y divide-line rounded-md border border-line" data-testid="keypairs">
              {[{ name: '', fingerprint: '' }, ...(keypairs.data ?? [])].map((keypair) => (
                <li key={keypair.name || '(none)'}>
                  <label className="flex cursor-pointer gap-2 px-3 py-2 hover:bg-sunken">
                    <input
                      type="radio"
                      name="launch-keypair"
                      className="mt-0.5 size-4 accent-brand"
                      checked={value === keypair.name}
                      onChange={() => onChange(keypair.name)}
                    />
                    <span className="min-w-0">
                      <span className="block text-sm font-medium text-fg">{keypair.name || t('launch-instance.access.noKeypair')}</span>
                      <span className="block truncate font-mono text-xs text-fg-muted">{keypair.fingerprint}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        />
        <KeypairCreator onCreated={(name) => setValue('keyName', name, { shouldDirty: true })} />
      </fieldset>
    </div>
  );
}
