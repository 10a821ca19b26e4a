// Create an image by upload: the form (disk format guessed from the file, overridable), then the record, the data
// streamed with its progress, and cleanup when it is cancelled or fails. Nothing typed is lost on failure.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { CliCommand } from '../../../lib/ui/cli-command';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Notice } from '../../../lib/ui/notice';
import { useSession } from '../../auth/api/session';
import { imageKeys } from '../../images/api/images';
import { describedBy, Field, inputClass } from '../../../lib/ui/form-controls';
import { createImageFromFile, UploadFailure, type UploadPhase } from '../api/upload-image';
import '../i18n';
import { containerFormats, diskFormats, guessDiskFormat, readSignatureBytes, type DiskFormatGuess } from '../model/disk-format';
import { addSample, measureProgress, type ProgressSample } from '../model/progress';
import {
  imageCreateArgv,
  imageVisibilities,
  initialUploadValues,
  nameFromFile,
  osTypes,
  uploadFormSchema,
  type UploadFormValues,
} from '../model/upload-form';
import { PropertiesEditor } from './properties-editor';
import { UploadProgress } from './upload-progress';

const architectures = ['x86_64', 'aarch64', 'ppc64le', 's390x', 'i686', 'armv7l'];
const distros = ['ubuntu', 'debian', 'centos', 'rhel', 'rocky', 'almalinux', 'fedora', 'opensuse', 'sles', 'cirros', 'freebsd', 'windows'];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-3 border-t border-line pt-4 first:border-t-0 first:pt-0">
      <legend className="text-sm font-semibold text-fg">{title}</legend>
      {children}
    </fieldset>
  );
}

export function ImageUploadPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = useMemo(() => uploadFormSchema(t), [t]);
  const form = useForm<UploadFormValues>({ defaultValues: initialUploadValues, mode: 'onTouched', resolver: zodResolver(schema) });
  const { register, formState, setValue, control } = form;
  const { errors } = formState;
  const [file, diskFormat, visibility] = useWatch({ control, name: ['file', 'diskFormat', 'visibility'] });
  const values = useWatch({ control }) as UploadFormValues;

  const [guess, setGuess] = useState<DiskFormatGuess>();
  const [phase, setPhase] = useState<UploadPhase>();
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [failure, setFailure] = useState<UploadFailure>();
  const abort = useRef<AbortController>(null);
  const busy = phase !== undefined;

  const chooseFile = async (chosen: File | undefined) => {
    setValue('file', chosen ?? null, { shouldValidate: true, shouldDirty: true });
    setGuess(undefined);
    if (!chosen) return;
    if (!form.getFieldState('name').isDirty || form.getValues('name') === '') {
      setValue('name', nameFromFile(chosen.name), { shouldValidate: true });
    }
    const { header, footer } = await readSignatureBytes(chosen);
    const next = guessDiskFormat(chosen.name, header, footer);
    setGuess(next);
    setValue('diskFormat', next.format, { shouldValidate: true });
  };

  const upload = async (submitted: UploadFormValues) => {
    const current = session.data;
    if (!current) return;
    const controller = new AbortController();
    abort.current = controller;
    setFailure(undefined);
    setSamples([]);
    try {
      const id = await createImageFromFile(
        submitted,
        { csrfToken: current.csrfToken, projectId: scope.projectId, region: scope.region },
        controller.signal,
        {
          onPhase: setPhase,
          onProgress: (loaded) => setSamples((previous) => addSample(previous, { at: performance.now(), loaded })),
        },
      );
      await queryClient.invalidateQueries({ queryKey: imageKeys.all(scope) });
      void navigate(`/images/${encodeURIComponent(id)}`);
    } catch (error) {
      setFailure(error instanceof UploadFailure ? error : new UploadFailure(error, undefined));
      setPhase(undefined);
    } finally {
      abort.current = null;
    }
  };

  const progress = measureProgress(samples, file?.size ?? 0);
  const fileId = 'upload-file';
  return (
    <div className="max-w-4xl px-6 py-6">
      <div className="mb-5">
        <Link to="/images" className="text-sm text-brand hover:underline">
          ← {t('image-upload.back')}
        </Link>
        <h1 id="upload-title" className="mt-1 text-xl font-semibold text-fg">{t('image-upload.title')}</h1>
        <p className="mt-1 text-sm text-fg-muted">{t('image-upload.subtitle', { project: scope.projectName, region: scope.region })}</p>
      </div>
      <FormProvider {...form}>
        <form
          noValidate
          data-testid="upload-form"
          aria-labelledby="upload-title"
          onSubmit={(event) => void form.handleSubmit(upload)(event)}
          className="space-y-5 rounded-xl border border-line bg-surface p-5 shadow-sm"
        >
          <Section title={t('image-upload.sections.file')}>
            <Field id={fileId} label={t('image-upload.fields.file')} hint={t('image-upload.fields.fileHint')} error={errors.file?.message}>
              <input
                id={fileId}
                type="file"
                disabled={busy}
                data-testid="upload-file"
                className="block w-full text-sm text-fg file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg hover:file:bg-sunken"
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={describedBy(fileId, { hint: true, error: !!errors.file })}
                onChange={(event) => void chooseFile(event.target.files?.[0])}
              />
            </Field>
            <Field id="upload-name" label={t('image-upload.fields.name')} error={errors.name?.message}>
              <input
                id="upload-name"
                className={inputClass}
                autoComplete="off"
                disabled={busy}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={describedBy('upload-name', { error: !!errors.name })}
                {...register('name')}
              />
            </Field>
          </Section>

          <Section title={t('image-upload.sections.details')}>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                id="upload-disk-format"
                label={t('image-upload.fields.diskFormat')}
                hint={
                  guess && (
                    <span data-testid="disk-format-guess" data-guess={guess.format} data-basis={guess.basis}>
                      {guess.format === diskFormat
                        ? t(`image-upload.guess.${guess.basis}`, { format: guess.format })
                        : t('image-upload.guess.overridden', { chosen: diskFormat, format: guess.format })}
                    </span>
                  )
                }
              >
                <select
                  id="upload-disk-format"
                  className={inputClass}
                  disabled={busy}
                  aria-describedby={guess ? 'upload-disk-format-hint' : undefined}
                  {...register('diskFormat')}
                >
                  {diskFormats.map((format) => (
                    <option key={format} value={format}>
                      {format}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="upload-container-format" label={t('image-upload.fields.containerFormat')} hint={t('image-upload.fields.containerFormatHint')}>
                <select
                  id="upload-container-format"
                  className={inputClass}
                  disabled={busy}
                  aria-describedby="upload-container-format-hint"
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
              <Field id="upload-os-type" label={t('image-upload.fields.osType')}>
                <select id="upload-os-type" className={inputClass} disabled={busy} {...register('osType')}>
                  <option value="">{t('image-upload.fields.osTypeNone')}</option>
                  {osTypes.map((osType) => (
                    <option key={osType} value={osType}>
                      {osType}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="upload-architecture" label={t('image-upload.fields.architecture')} error={errors.architecture?.message}>
                <input
                  id="upload-architecture"
                  list="upload-architectures"
                  className={inputClass}
                  autoComplete="off"
                  disabled={busy}
                  aria-invalid={errors.architecture ? true : undefined}
                  aria-describedby={describedBy('upload-architecture', { error: !!errors.architecture })}
                  {...register('architecture')}
                />
                <datalist id="upload-architectures">
                  {architectures.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </Field>
              <Field id="upload-os-distro" label={t('image-upload.fields.osDistro')} error={errors.osDistro?.message}>
                <input
                  id="upload-os-distro"
                  list="upload-distros"
                  className={inputClass}
                  autoComplete="off"
                  disabled={busy}
                  aria-invalid={errors.osDistro ? true : undefined}
                  aria-describedby={describedBy('upload-os-distro', { error: !!errors.osDistro })}
                  {...register('osDistro')}
                />
                <datalist id="upload-distros">
                  {distros.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </Field>
              <Field id="upload-os-version" label={t('image-upload.fields.osVersion')} error={errors.osVersion?.message}>
                <input
                  id="upload-os-version"
                  className={inputClass}
                  autoComplete="off"
                  disabled={busy}
                  aria-invalid={errors.osVersion ? true : undefined}
                  aria-describedby={describedBy('upload-os-version', { error: !!errors.osVersion })}
                  {...register('osVersion')}
                />
              </Field>
            </div>
          </Section>

          <Section title={t('image-upload.sections.requirements')}>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="upload-min-disk" label={t('image-upload.fields.minDisk')} hint={t('image-upload.fields.minDiskHint')} error={errors.minDisk?.message}>
                <input
                  id="upload-min-disk"
                  type="number"
                  min={0}
                  step={1}
                  className={inputClass}
                  disabled={busy}
                  aria-invalid={errors.minDisk ? true : undefined}
                  aria-describedby={describedBy('upload-min-disk', { hint: true, error: !!errors.minDisk })}
                  {...register('minDisk', { valueAsNumber: true })}
                />
              </Field>
              <Field id="upload-min-ram" label={t('image-upload.fields.minRam')} hint={t('image-upload.fields.minRamHint')} error={errors.minRam?.message}>
                <input
                  id="upload-min-ram"
                  type="number"
                  min={0}
                  step={1}
                  className={inputClass}
                  disabled={busy}
                  aria-invalid={errors.minRam ? true : undefined}
                  aria-describedby={describedBy('upload-min-ram', { hint: true, error: !!errors.minRam })}
                  {...register('minRam', { valueAsNumber: true })}
                />
              </Field>
            </div>
          </Section>

          <Section title={t('image-upload.sections.access')}>
            <Field id="upload-visibility" label={t('image-upload.fields.visibility')} hint={visibility === 'public' ? t('image-upload.fields.visibilityHint') : undefined}>
              <select
                id="upload-visibility"
                className={`${inputClass} max-w-lg`}
                disabled={busy}
                aria-describedby={visibility === 'public' ? 'upload-visibility-hint' : undefined}
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
              <input type="checkbox" className="size-4 accent-brand" disabled={busy} data-testid="upload-protected" {...register('protected')} />
              {t('image-upload.fields.protected')}
            </label>
          </Section>

          <Section title={t('image-upload.sections.properties')}>
            <PropertiesEditor disabled={busy} />
          </Section>

          <Section title={t('image-upload.sections.cli')}>
            <CliCommand commands={[imageCreateArgv(values)]} />
          </Section>

          {failure && <UploadFailureNotice failure={failure} />}
          {phase && (
            <UploadProgress phase={phase} progress={progress} fileName={file?.name ?? ''} onCancel={() => abort.current?.abort()} />
          )}

          <div className="flex justify-end gap-2 border-t border-line pt-4">
            <Button onClick={() => void navigate('/images')} disabled={busy}>
              {t('image-upload.cancel')}
            </Button>
            <Button type="submit" variant="primary" disabled={busy || !session.data} data-testid="upload-submit">
              {t('image-upload.submit')}
            </Button>
          </div>
        </form>
      </FormProvider>
    </div>
  );
}

function UploadFailureNotice({ failure }: { failure: UploadFailure }) {
  const { t } = useTranslation();
  const outcome = failure.imageId === undefined ? 'notCreated' : failure.cancelled ? 'cancelled' : 'failed';
  return (
    <div className="space-y-2" data-testid="upload-failure" data-outcome={outcome}>
      {!failure.cancelled && <ErrorNotice error={failure.cause} />}
      {failure.cleanupError === undefined ? (
        <Notice testId="upload-outcome">{t(`image-upload.result.${outcome}`, { id: failure.imageId })}</Notice>
      ) : (
        <>
          <p className="text-sm font-medium text-danger">{t('image-upload.result.cleanupFailed', { id: failure.imageId })}</p>
          <ErrorNotice error={failure.cleanupError} />
        </>
      )}
    </div>
  );
}
