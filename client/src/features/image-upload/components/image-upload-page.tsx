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
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { useSession } from '../../../resources/session/session';
import { imageKeys } from '../../../resources/images/images';
import { describedBy, Field } from '../../../lib/ui/form-controls';
import { uploadRequests } from '../api/image-requests';
import { ImageCreationFailure } from '../api/creation';
import { createImageFromFile, type UploadPhase } from '../api/upload-image';
import '../i18n';
import { guessDiskFormat, readSignatureBytes, type DiskFormatGuess } from '../model/disk-format';
import { nameFromFile } from '../model/image-metadata';
import { addSample, measureProgress, type ProgressSample } from '../model/progress';
import { imageCreateArgv, initialUploadValues, uploadFormSchema, type UploadFormValues } from '../model/upload-form';
import { CreationFailureNotice } from './creation-failure-notice';
import { ImageMetadataFields, ImageNameField, Section } from './image-metadata-fields';
import { UploadProgress } from './upload-progress';

export function ImageUploadPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = useMemo(() => uploadFormSchema(t), [t]);
  const form = useForm<UploadFormValues>({ defaultValues: initialUploadValues, mode: 'onTouched', resolver: zodResolver(schema) });
  const { formState, setValue, control } = form;
  const { errors } = formState;
  const [file, diskFormat] = useWatch({ control, name: ['file', 'diskFormat'] });
  const values = useWatch({ control }) as UploadFormValues;

  const [guess, setGuess] = useState<DiskFormatGuess>();
  const [phase, setPhase] = useState<UploadPhase>();
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [failure, setFailure] = useState<ImageCreationFailure>();
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
      setFailure(error instanceof ImageCreationFailure ? error : new ImageCreationFailure(error, undefined));
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
            <ImageNameField disabled={busy} />
          </Section>

          <ImageMetadataFields
            disabled={busy}
            diskFormatHint={
              guess && (
                <span data-testid="disk-format-guess" data-guess={guess.format} data-basis={guess.basis}>
                  {guess.format === diskFormat
                    ? t(`image-upload.guess.${guess.basis}`, { format: guess.format })
                    : t('image-upload.guess.overridden', { chosen: diskFormat, format: guess.format })}
                </span>
              )
            }
          />

          <Section title={t('image-upload.sections.cli')}>
            <ActionApiViews variant="tabs" commands={[imageCreateArgv(values)]} requests={() => uploadRequests(values)} />
          </Section>

          {failure && <CreationFailureNotice failure={failure} flow="upload" />}
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

