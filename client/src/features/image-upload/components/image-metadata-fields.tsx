// The metadata fields every new image has, shared by the upload and the import forms (inside their
// FormProvider): name, format, operating system, requirements, access and free-form properties.
import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { describedBy, Field, inputClass } from '../../../lib/ui/form-controls';
import { containerFormats, diskFormats } from '../model/disk-format';
import { imageVisibilities, osTypes, type ImageMetadataValues } from '../model/image-metadata';
import { PropertiesEditor } from './properties-editor';

const architectures = ['x86_64', 'aarch64', 'ppc64le', 's390x', 'i686', 'armv7l'];
const distros = ['ubuntu', 'debian', 'centos', 'rhel', 'rocky', 'almalinux', 'fedora', 'opensuse', 'sles', 'cirros', 'freebsd', 'windows'];

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-3 border-t border-line pt-4 first:border-t-0 first:pt-0">
      <legend className="text-sm font-semibold text-fg">{title}</legend>
      {children}
    </fieldset>
  );
}

function TextField({ id, name, label, list, disabled }: { id: string; name: 'name' | 'architecture' | 'osDistro' | 'osVersion'; label: string; list?: string; disabled: boolean }) {
  const { register, formState } = useFormContext<ImageMetadataValues>();
  const error = formState.errors[name]?.message;
  return (
    <Field id={id} label={label} error={error}>
      <input
        id={id}
        list={list}
        className={inputClass}
        autoComplete="off"
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error: !!error })}
        {...register(name)}
      />
    </Field>
  );
}

/** The image's name: each form puts it next to its data source. */
export function ImageNameField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return <TextField id="image-name" name="name" label={t('image-upload.fields.name')} disabled={disabled} />;
}

export function ImageMetadataFields({ disabled, diskFormatHint }: { disabled: boolean; diskFormatHint?: ReactNode }) {
  const { t } = useTranslation();
  const { register, formState, control } = useFormContext<ImageMetadataValues>();
  const { errors } = formState;
  const visibility = useWatch({ control, name: 'visibility' });

  return (
    <>
      <Section title={t('image-upload.sections.details')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="image-disk-format" label={t('image-upload.fields.diskFormat')} hint={diskFormatHint}>
            <select
              id="image-disk-format"
              className={inputClass}
              disabled={disabled}
              aria-describedby={diskFormatHint ? 'image-disk-format-hint' : undefined}
              {...register('diskFormat')}
            >
              {diskFormats.map((format) => (
                <option key={format} value={format}>
                  {format}
                </option>
              ))}
            </select>
          </Field>
          <Field id="image-container-format" label={t('image-upload.fields.containerFormat')} hint={t('image-upload.fields.containerFormatHint')}>
            <select
              id="image-container-format"
              className={inputClass}
              disabled={disabled}
              aria-describedby="image-container-format-hint"
              {...register('containerFormat')}
            >
              {containerFormats.map((format) => (
                <option key={format} value={format}>
                  {format}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </Section>

      <Section title={t('image-upload.sections.os')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="image-os-type" label={t('image-upload.fields.osType')}>
            <select id="image-os-type" className={inputClass} disabled={disabled} {...register('osType')}>
              <option value="">{t('image-upload.fields.osTypeNone')}</option>
              {osTypes.map((osType) => (
                <option key={osType} value={osType}>
                  {osType}
                </option>
              ))}
            </select>
          </Field>
          <div>
            <TextField id="image-architecture" name="architecture" list="image-architectures" label={t('image-upload.fields.architecture')} disabled={disabled} />
            <datalist id="image-architectures">
              {architectures.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <div>
            <TextField id="image-os-distro" name="osDistro" list="image-distros" label={t('image-upload.fields.osDistro')} disabled={disabled} />
            <datalist id="image-distros">
              {distros.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <TextField id="image-os-version" name="osVersion" label={t('image-upload.fields.osVersion')} disabled={disabled} />
        </div>
      </Section>

      <Section title={t('image-upload.sections.requirements')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="image-min-disk" label={t('image-upload.fields.minDisk')} hint={t('image-upload.fields.minDiskHint')} error={errors.minDisk?.message}>
            <input
              id="image-min-disk"
              type="number"
              min={0}
              step={1}
              className={inputClass}
              disabled={disabled}
              aria-invalid={errors.minDisk ? true : undefined}
              aria-describedby={describedBy('image-min-disk', { hint: true, error: !!errors.minDisk })}
              {...register('minDisk', { valueAsNumber: true })}
            />
          </Field>
          <Field id="image-min-ram" label={t('image-upload.fields.minRam')} hint={t('image-upload.fields.minRamHint')} error={errors.minRam?.message}>
            <input
              id="image-min-ram"
              type="number"
              min={0}
              step={1}
              className={inputClass}
              disabled={disabled}
              aria-invalid={errors.minRam ? true : undefined}
              aria-describedby={describedBy('image-min-ram', { hint: true, error: !!errors.minRam })}
              {...register('minRam', { valueAsNumber: true })}
            />
          </Field>
        </div>
      </Section>

      <Section title={t('image-upload.sections.access')}>
        <Field id="image-visibility" label={t('image-upload.fields.visibility')} hint={visibility === 'public' ? t('image-upload.fields.visibilityHint') : undefined}>
          <select
            id="image-visibility"
            className={`${inputClass} max-w-lg`}
            disabled={disabled}
            aria-describedby={visibility === 'public' ? 'image-visibility-hint' : undefined}
            {...register('visibility')}
          >
            {imageVisibilities.map((choice) => (
              <option key={choice} value={choice}>
                {t(`image-upload.visibility.${choice}`)}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex items-center gap-2 text-sm text-fg">
          <input type="checkbox" className="size-4 accent-brand" disabled={disabled} data-testid="image-protected" {...register('protected')} />
          {t('image-upload.fields.protected')}
        </label>
      </Section>

      <Section title={t('image-upload.sections.properties')}>
        <PropertiesEditor disabled={disabled} />
      </Section>
    </>
  );
}
