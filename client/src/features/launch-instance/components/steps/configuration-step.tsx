import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../lib/ui/button';
import { ErrorNotice } from '../../../../lib/ui/error-notice';
import { useServerGroups } from '../../../../resources/server-groups/server-groups';
import type { LaunchFormValues } from '../../model/launch-form';
import { describedBy, Field, FieldError, inputClass } from '../../../../lib/ui/form-controls';
import { UserDataField } from '../user-data-field';

export function ConfigurationStep() {
  const { t } = useTranslation();
  const { control, register, formState } = useFormContext<LaunchFormValues>();
  const metadata = useFieldArray({ control, name: 'metadata' });
  const serverGroups = useServerGroups();
  const { errors } = formState;

  return (
    <div className="space-y-6">
      <Controller
        control={control}
        name="userData"
        render={({ field: { value, onChange } }) => <UserDataField value={value} onChange={onChange} error={errors.userData?.message} />}
      />

      <label className="flex items-start gap-2 text-sm text-fg">
        <input type="checkbox" className="mt-0.5 size-4 accent-brand" {...register('configDrive')} />
        <span>
          <span className="block font-medium">{t('launch-instance.configuration.configDrive')}</span>
          <span className="block text-xs text-fg-muted">{t('launch-instance.configuration.configDriveHelp')}</span>
        </span>
      </label>

      <fieldset>
        <legend className="text-sm font-medium text-fg">{t('launch-instance.configuration.metadata')}</legend>
        <p className="mb-2 text-xs text-fg-muted">{t('launch-instance.configuration.metadataHelp')}</p>
        <ul className="space-y-2" data-testid="metadata-entries">
          {metadata.fields.map((field, index) => {
            const entryErrors = errors.metadata?.[index];
            return (
              <li key={field.id} className="flex flex-wrap items-start gap-2">
                <div className="min-w-40 flex-1">
                  <label htmlFor={`metadata-key-${index}`} className="sr-only">
                    {t('launch-instance.configuration.metadataKey', { position: index + 1 })}
                  </label>
                  <input
                    id={`metadata-key-${index}`}
                    placeholder={t('launch-instance.configuration.keyPlaceholder')}
                    className={inputClass}
                    aria-invalid={entryErrors?.key ? true : undefined}
                    aria-describedby={describedBy(`metadata-key-${index}`, { error: !!entryErrors?.key })}
                    {...register(`metadata.${index}.key`)}
                  />
                  <FieldError id={`metadata-key-${index}-error`} message={entryErrors?.key?.message} />
                </div>
                <div className="min-w-40 flex-1">
                  <label htmlFor={`metadata-value-${index}`} className="sr-only">
                    {t('launch-instance.configuration.metadataValue', { position: index + 1 })}
                  </label>
                  <input
                    id={`metadata-value-${index}`}
                    placeholder={t('launch-instance.configuration.valuePlaceholder')}
                    className={inputClass}
                    aria-invalid={entryErrors?.value ? true : undefined}
                    aria-describedby={describedBy(`metadata-value-${index}`, { error: !!entryErrors?.value })}
                    {...register(`metadata.${index}.value`)}
                  />
                  <FieldError id={`metadata-value-${index}-error`} message={entryErrors?.value?.message} />
                </div>
                <Button
                  variant="ghost"
                  className="px-2 text-danger"
                  onClick={() => metadata.remove(index)}
                  aria-label={t('launch-instance.configuration.removeMetadata', { position: index + 1 })}
                >
                  ✕
                </Button>
              </li>
            );
          })}
        </ul>
        <Button className="mt-2" onClick={() => metadata.append({ key: '', value: '' })} data-testid="add-metadata">
          {t('launch-instance.configuration.addMetadata')}
        </Button>
      </fieldset>

      <Field id="launch-server-group" label={t('launch-instance.configuration.serverGroup')} hint={t('launch-instance.configuration.serverGroupHelp')}>
        <select id="launch-server-group" className={`${inputClass} max-w-sm`} aria-describedby="launch-server-group-hint" {...register('serverGroupId')}>
          <option value="">{t('launch-instance.configuration.noServerGroup')}</option>
          {(serverGroups.data ?? []).map((group) => (
            <option key={group.id} value={group.id}>
              {`${group.name} (${group.policy})`}
            </option>
          ))}
        </select>
      </Field>
      {serverGroups.error && <ErrorNotice error={serverGroups.error} onRetry={() => void serverGroups.refetch()} />}
    </div>
  );
}
