// Create an image by import from a URL (Glance's web-download), offered where the cloud enables it: the same
// metadata as an upload, the record, the import request, then its progress as Glance reports it until the
// image is active. A failure shows Glance's words (the task's message and request id); the input is kept.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { describedBy, Field, inputClass } from '../../../lib/ui/form-controls';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Notice } from '../../../lib/ui/notice';
import { imageKeys } from '../../../resources/images/images';
import { useWebDownloadEnabled } from '../../../resources/images/import-methods';
import type { Image } from '../../../resources/images/types';
import { importRequests } from '../api/image-requests';
import { ImageCreationFailure } from '../api/creation';
import { createImageFromUrl, type ImportPhase } from '../api/import-image';
import '../i18n';
import { imageImportArgv, importFormSchema, initialImportValues, suggestionsFromUrl, type ImportFormValues } from '../model/import-form';
import type { ImportObservation } from '../model/import-progress';
import { CreationFailureNotice } from './creation-failure-notice';
import { ImageMetadataFields, ImageNameField, Section } from './image-metadata-fields';
import { ImportProgress } from './import-progress';

export function ImageImportPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const webDownload = useWebDownloadEnabled();

  let body: React.ReactNode;
  if (webDownload.query.isPending) body = <LoadingState label={t('image-upload.import.checking')} />;
  else if (webDownload.query.isError) body = <ErrorNotice error={webDownload.query.error} onRetry={() => void webDownload.query.refetch()} />;
  else if (!webDownload.enabled) body = <Notice testId="import-not-enabled">{t('image-upload.import.notEnabled')}</Notice>;
  else body = <ImportForm />;

  return (
    <div className="max-w-4xl px-6 py-6">
      <div className="mb-5">
        <Link to="/images" className="text-sm text-brand hover:underline">
          ← {t('image-upload.back')}
        </Link>
        <h1 id="import-title" className="mt-1 text-xl font-semibold text-fg">{t('image-upload.import.title')}</h1>
        <p className="mt-1 text-sm text-fg-muted">{t('image-upload.import.subtitle', { project: scope.projectName, region: scope.region })}</p>
      </div>
      {body}
    </div>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const scope = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = useMemo(() => importFormSchema(t), [t]);
  const form = useForm<ImportFormValues>({ defaultValues: initialImportValues, mode: 'onTouched', resolver: zodResolver(schema) });
  const { register, formState, setValue, control, getFieldState } = form;
  const { errors } = formState;
  const values = useWatch({ control }) as ImportFormValues;

  const [phase, setPhase] = useState<ImportPhase>();
  const [observation, setObservation] = useState<ImportObservation>();
  const [failure, setFailure] = useState<ImageCreationFailure>();
  const [imported, setImported] = useState<Image>();
  const abort = useRef<AbortController>(null);
  const busy = phase !== undefined;

  // The URL's file name suggests the name and the disk format, until the user chose them.
  const suggestFromUrl = (uri: string) => {
    const suggestion = suggestionsFromUrl(uri);
    if (suggestion.name && !getFieldState('name').isDirty) setValue('name', suggestion.name, { shouldValidate: getFieldState('name').isTouched });
    if (suggestion.diskFormat && !getFieldState('diskFormat').isDirty) setValue('diskFormat', suggestion.diskFormat);
  };

  const start = async (submitted: ImportFormValues) => {
    const controller = new AbortController();
    abort.current = controller;
    setFailure(undefined);
    setObservation(undefined);
    setImported(undefined);
    try {
      const image = await createImageFromUrl(submitted, controller.signal, { onPhase: setPhase, onObservation: setObservation });
      setImported(image);
    } catch (error) {
      setFailure(error instanceof ImageCreationFailure ? error : new ImageCreationFailure(error, undefined));
    } finally {
      setPhase(undefined);
      abort.current = null;
      await queryClient.invalidateQueries({ queryKey: imageKeys.all(scope) });
    }
  };

  const startAnother = () => {
    setImported(undefined);
    setObservation(undefined);
    form.reset(initialImportValues);
  };

  return (
    <FormProvider {...form}>
      <form
        noValidate
        data-testid="import-form"
        aria-labelledby="import-title"
        onSubmit={(event) => void form.handleSubmit(start)(event)}
        className="space-y-5 rounded-xl border border-line bg-surface p-5 shadow-sm"
      >
        <fieldset disabled={imported !== undefined} className="min-w-0 space-y-5">
          <Section title={t('image-upload.import.sections.source')}>
            <Field id="import-url" label={t('image-upload.import.url')} hint={t('image-upload.import.urlHint')} error={errors.uri?.message}>
              <input
                id="import-url"
                type="url"
                inputMode="url"
                placeholder="https://"
                className={`${inputClass} font-mono`}
                autoComplete="off"
                disabled={busy}
                aria-invalid={errors.uri ? true : undefined}
                aria-describedby={describedBy('import-url', { hint: true, error: !!errors.uri })}
                {...register('uri', { onChange: (event: React.ChangeEvent<HTMLInputElement>) => suggestFromUrl(event.target.value) })}
              />
            </Field>
            <ImageNameField disabled={busy} />
          </Section>

          <ImageMetadataFields disabled={busy} />

          <Section title={t('image-upload.sections.cli')}>
            <ActionApiViews variant="tabs" commands={imageImportArgv(values)} requests={() => importRequests(values)} />
          </Section>
        </fieldset>

        {failure && <CreationFailureNotice failure={failure} flow="import" />}
        {phase && <ImportProgress phase={phase} observation={observation} onCancel={() => abort.current?.abort()} />}
        {imported && <ImportDone image={imported} onAnother={startAnother} />}

        {!imported && (
          <div className="flex justify-end gap-2 border-t border-line pt-4">
            <Button onClick={() => void navigate('/images')} disabled={busy}>
              {t('image-upload.cancel')}
            </Button>
            <Button type="submit" variant="primary" disabled={busy} data-testid="import-submit">
              {t('image-upload.import.submit')}
            </Button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}

function ImportDone({ image, onAnother }: { image: Image; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="import-done" data-image-id={image.id}>
      <Notice testId="import-outcome">{t('image-upload.import.done', { name: image.name ?? image.id })}</Notice>
      <div className="flex justify-end gap-2 border-t border-line pt-4">
        <Button onClick={onAnother} data-testid="import-another">
          {t('image-upload.import.another')}
        </Button>
        <Link
          to={`/images/${encodeURIComponent(image.id)}`}
          className="inline-flex items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-hover"
          data-testid="import-open-image"
        >
          {t('image-upload.import.openImage')}
        </Link>
      </div>
    </div>
  );
}
