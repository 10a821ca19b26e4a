// Updating a stack: its current template (as YAML) in the editor and its current parameters in the form; what
// changes is shown against what is (the template's lines, each parameter's value), Heat's update preview says what
// would be added, replaced, updated or deleted, and the update is a PATCH (`openstack stack update --existing`):
// what is not changed stays as it is, hidden values included.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { useActionSubmission } from '../../../lib/actions/use-action-runner';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { BackLink, DetailSection, DetailState } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { PageHeader } from '../../../lib/ui/page-header';
import { Spinner } from '../../../lib/ui/spinner';
import { splitStatus } from '../../../resources/stacks/stack-state';
import { watchStack } from '../../../resources/stacks/stack-watch';
import { stackPagePath, stackQueryOptions, stackTemplateQueryOptions, type StackRef } from '../../../resources/stacks/stacks';
import { previewStackUpdate, templateValidationQueryOptions } from '../../../resources/stacks/template-checks';
import type { Stack, TemplateValidation } from '../../../resources/stacks/types';
import { updateStack } from '../actions';
import '../i18n';
import { hiddenNames, parameterProblems, parametersToSend, type ParameterValues } from '../model/parameters';
import { currentParameters, parameterChanges, templateHunks, templateYaml, updateInitialValues } from '../model/stack-change';
import { defaultTemplateFileName, stackUpdateBody, templateBody, type StackChange, type TemplateInput } from '../model/stack-request';
import { ParameterDiff, TemplateDiff } from './change-views';
import { UpdatePreviewView, ValidationStatus } from './check-panels';
import { ParametersForm } from './parameters-form';
import { TemplateField } from './template-field';
import { useTemplateChecks } from './use-template-checks';

function changeOf(
  template: TemplateInput,
  originalText: string,
  validation: TemplateValidation | undefined,
  values: ParameterValues,
  current: ParameterValues,
): StackChange {
  const templateChanged = template.mode === 'url' || template.text !== originalText || template.environmentFiles.length > 0;
  return {
    template: templateChanged ? template : null,
    parameters: validation ? parametersToSend(validation, values, current) : {},
    hidden: validation ? hiddenNames(validation) : [],
  };
}

function UpdateStackForm({ stackRef, stack, original }: { stackRef: StackRef; stack: Stack; original: Record<string, unknown> }) {
  const { t } = useTranslation();
  const scope = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const originalText = useMemo(() => templateYaml(original), [original]);
  const current = useMemo(() => currentParameters(stack), [stack]);
  const [template, setTemplate] = useState<TemplateInput>(() => ({
    mode: 'text',
    text: originalText,
    url: '',
    fileName: defaultTemplateFileName,
    environmentFiles: [],
  }));
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);

  const checks = useTemplateChecks(template);
  const validation = checks.validation.data;
  const values = useMemo(() => (validation ? updateInitialValues(validation, current, edited) : {}), [validation, current, edited]);
  const problems = validation ? parameterProblems(validation, values, current) : {};
  const change = changeOf(template, originalText, validation, values, current);
  const unchanged = change.template === null && Object.keys(change.parameters).length === 0;
  const hunks = useMemo(() => (template.mode === 'text' ? templateHunks(originalText, template.text) : []), [originalText, template]);
  const submission = useActionSubmission(updateStack);
  const preview = useMutation({ mutationFn: (body: StackChange) => previewStackUpdate(stackRef, stackUpdateBody(body)) });

  const submit = async () => {
    setRefusal(null);
    if (unchanged || !checks.sendable) return;
    setChecking(true);
    let fresh: TemplateValidation;
    try {
      fresh = await queryClient.fetchQuery(templateValidationQueryOptions(scope, templateBody(template)));
    } catch (error) {
      setRefusal(error);
      return;
    } finally {
      setChecking(false);
    }
    const freshValues = updateInitialValues(fresh, current, edited);
    if (Object.keys(parameterProblems(fresh, freshValues, current)).length > 0) return;
    const outcome = await submission.submit(stackRef, changeOf(template, originalText, fresh, freshValues, current));
    if (outcome.status === 'failed') return;
    // Read just after the PATCH, the stack may still say CREATE_COMPLETE: the watch waits for the update's status.
    watchStack(stack.id, (polled) => ['UPDATE', 'ROLLBACK'].includes(splitStatus(polled.stack_status).action));
    void navigate(stackPagePath(stackRef));
  };

  const pending = checking || submission.pending;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <DetailSection title={t('stack-launch.sections.template')}>
        <TemplateField
          value={template}
          onChange={setTemplate}
          text={checks.text}
          diagnostics={checks.diagnostics}
          completion={checks.completion}
          allowStarters={false}
        />
        <div className="mt-3">
          <ValidationStatus validation={checks.validation} settled={checks.settled} sendable={checks.sendable} />
        </div>
      </DetailSection>

      <DetailSection title={t('stack-launch.sections.parameters')}>
        {validation ? (
          <ParametersForm
            validation={validation}
            values={values}
            onChange={(name, value) => setEdited((previous) => ({ ...previous, [name]: value }))}
            problems={problems}
            current={current}
          />
        ) : (
          <p className="text-sm text-fg-muted">{t('stack-launch.parameters.afterValidation')}</p>
        )}
      </DetailSection>

      <DetailSection title={t('stack-launch.sections.changes')} testId="stack-changes">
        <div className="space-y-4">
          <div className="space-y-2">
            <h3 className="text-sm font-medium text-fg">{t('stack-launch.update.templateChanges')}</h3>
            {template.mode === 'url' ? <p className="text-sm text-fg-muted">{t('stack-launch.update.fromUrl')}</p> : <TemplateDiff hunks={hunks} />}
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-medium text-fg">{t('stack-launch.update.parameterChanges')}</h3>
            <ParameterDiff changes={parameterChanges(change.parameters, current, change.hidden)} />
          </div>
          <div className="space-y-2" data-testid="stack-update-preview">
            <Button onClick={() => preview.mutate(change)} disabled={unchanged || !checks.sendable || preview.isPending} data-testid="preview-update">
              {preview.isPending && <Spinner />}
              {t('stack-launch.updatePreview.run')}
            </Button>
            {preview.error && <ErrorNotice error={preview.error} />}
            {preview.data && !preview.isPending && <UpdatePreviewView preview={preview.data} />}
          </div>
        </div>
      </DetailSection>

      <div className="space-y-3">
        {refusal !== null && (
          <div data-testid="launch-refused">
            <p className="mb-1 text-sm font-medium text-danger">{t('stack-launch.validation.refusedUnchanged')}</p>
            <ErrorNotice error={refusal} />
          </div>
        )}
        {submission.error !== null && <ErrorNotice error={submission.error} />}
        {unchanged && <p className="text-sm text-fg-muted" data-testid="update-unchanged">{t('stack-launch.update.nothing')}</p>}
        <ActionApiViews commands={updateStack.cli(stackRef, change)} requests={() => updateStack.request(stackRef, change)} />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={pending || unchanged} data-testid="update-stack">
            {pending && <Spinner />}
            {t('stack-launch.actions.update')}
          </Button>
        </div>
      </div>
    </form>
  );
}

export function UpdateStackPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const params = useParams();
  const stackRef: StackRef = { name: params.name ?? '', id: params.id ?? '' };
  const stack = useQuery(stackQueryOptions(scope, stackRef));
  const template = useQuery(stackTemplateQueryOptions(scope, stackRef));
  return (
    <div className="mx-auto max-w-5xl space-y-4" data-testid="update-stack-page">
      <BackLink to={stackPagePath(stackRef)}>{stackRef.name}</BackLink>
      <PageHeader title={t('stack-launch.update.title', { name: stackRef.name })} subtitle={t('stack-launch.update.subtitle')} />
      <DetailState query={stack} loading={t('stack-launch.update.loading')} deleted={t('stack-launch.update.deleted')} deletedTestId="stack-deleted">
        {(loaded) => (
          <DetailState query={template} loading={t('stack-launch.update.loading')} deleted={t('stack-launch.update.deleted')} deletedTestId="stack-deleted">
            {(original) => <UpdateStackForm stackRef={stackRef} stack={loaded} original={original} />}
          </DetailState>
        )}
      </DetailState>
    </div>
  );
}
