// Launching a stack: the template (editor, file, starter or URL) and its environment files, Heat's validation as
// the text rests, the template's parameters as a typed form, the stack's name and settings, Heat's preview of what
// it would create, and the equivalent `openstack stack create`. Launching validates once more, then POSTs; a refusal
// keeps everything as typed. The export page hands a generated template over as router state `{ template }`.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { answerTo } from '../../../lib/actions/run-action';
import { useActionSubmission } from '../../../lib/actions/use-action-runner';
import { projectTarget } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { DetailSection } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { PageHeader } from '../../../lib/ui/page-header';
import { Spinner } from '../../../lib/ui/spinner';
import { TextField } from '../../../lib/ui/text-field';
import { watchStack } from '../../../resources/stacks/stack-watch';
import { stackPagePath } from '../../../resources/stacks/stacks';
import { previewStack, templateValidationQueryOptions } from '../../../resources/stacks/template-checks';
import type { StackRequestBody, TemplateValidation } from '../../../resources/stacks/types';
import { launchStack, stackCreateRequest } from '../actions';
import '../i18n';
import { hiddenNames, initialValues, parameterProblems, parametersToSend, type ParameterProblem, type ParameterValues } from '../model/parameters';
import {
  defaultTemplateFileName,
  parseTimeout,
  stackCreateBody,
  stackNamePattern,
  templateBody,
  type StackLaunch,
  type StackSettings,
  type TemplateInput,
} from '../model/stack-request';
import { StackPreviewView, ValidationStatus } from './check-panels';
import { ParametersForm } from './parameters-form';
import { TemplateField } from './template-field';
import { useTemplateChecks } from './use-template-checks';

function handedOverTemplate(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const template = (state as { template?: unknown }).template;
  return typeof template === 'string' ? template : undefined;
}

type SettingsProblem = 'name' | 'timeout';

function settingsProblems(settings: StackSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (!stackNamePattern.test(settings.name.trim())) problems.push('name');
  if (parseTimeout(settings.timeout) === null) problems.push('timeout');
  return problems;
}

/** A required field is said to be empty only once the user tried to launch; a wrong value is said at once. */
function shownProblems(problems: Record<string, ParameterProblem>, attempted: boolean): Record<string, ParameterProblem> {
  return attempted ? problems : Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem.code !== 'required'));
}

function launchOf(template: TemplateInput, settings: StackSettings, validation: TemplateValidation | undefined, values: ParameterValues): StackLaunch {
  const parameters = validation ? parametersToSend(validation, values) : {};
  return { template, settings, parameters, hidden: validation ? hiddenNames(validation) : [] };
}

export function LaunchStackPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [template, setTemplate] = useState<TemplateInput>(() => ({
    mode: 'text',
    text: handedOverTemplate(location.state) ?? '',
    url: '',
    fileName: defaultTemplateFileName,
    environmentFiles: [],
  }));
  const [settings, setSettings] = useState<StackSettings>({ name: '', timeout: '', rollback: false, tags: '' });
  /** The fields the user changed; the others show what Heat would use. */
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);

  const checks = useTemplateChecks(template);
  const validation = checks.validation.data;
  const values = useMemo(() => (validation ? initialValues(validation, edited) : {}), [validation, edited]);
  const problems = validation ? parameterProblems(validation, values) : {};
  const settingsIssues = settingsProblems(settings);
  const launch = launchOf(template, settings, validation, values);
  const project = projectTarget(scope);
  const submission = useActionSubmission(launchStack);
  const preview = useMutation({ mutationFn: (body: StackRequestBody) => previewStack(body) });

  const submit = async () => {
    setAttempted(true);
    setRefusal(null);
    if (!checks.sendable || settingsIssues.length > 0) return;
    // Heat's word on the template as it is now (the text may have changed since the last answer): a refusal is
    // shown, and no stack is made.
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
    const freshValues = initialValues(fresh, edited);
    if (Object.keys(parameterProblems(fresh, freshValues)).length > 0) return;
    const input = launchOf(template, settings, fresh, freshValues);
    const outcome = await submission.submit(project, input);
    const created = answerTo(outcome.accepted, stackCreateRequest(input));
    if (outcome.status === 'failed' || !created) return;
    watchStack(created.stack.id);
    void navigate(stackPagePath({ name: input.settings.name.trim(), id: created.stack.id }));
  };

  const pending = checking || submission.pending;
  return (
    <div className="mx-auto max-w-5xl space-y-4" data-testid="launch-stack-page">
      <PageHeader title={t('stack-launch.title')} subtitle={t('stack-launch.subtitle', { project: scope.projectName })} />
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <DetailSection title={t('stack-launch.sections.template')}>
          <TemplateField value={template} onChange={setTemplate} text={checks.text} diagnostics={checks.diagnostics} completion={checks.completion} />
          <div className="mt-3">
            <ValidationStatus validation={checks.validation} settled={checks.settled} sendable={checks.sendable} />
          </div>
        </DetailSection>

        <DetailSection title={t('stack-launch.sections.stack')}>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label={t('stack-launch.settings.name')}
              value={settings.name}
              onChange={(name) => setSettings({ ...settings, name })}
              hint={t('stack-launch.settings.nameHint')}
              error={(attempted || settings.name !== '') && settingsIssues.includes('name') ? t('stack-launch.settings.problems.name') : undefined}
              testId="stack-name"
            />
            <TextField
              label={t('stack-launch.settings.timeout')}
              value={settings.timeout}
              onChange={(timeout) => setSettings({ ...settings, timeout })}
              inputMode="numeric"
              hint={t('stack-launch.settings.timeoutHint')}
              error={settingsIssues.includes('timeout') ? t('stack-launch.settings.problems.timeout') : undefined}
              testId="stack-timeout"
            />
            <TextField
              label={t('stack-launch.settings.tags')}
              value={settings.tags}
              onChange={(tags) => setSettings({ ...settings, tags })}
              hint={t('stack-launch.settings.tagsHint')}
              testId="stack-tags"
            />
            <CheckboxField
              className="self-center"
              label={t('stack-launch.settings.rollback')}
              hint={t('stack-launch.settings.rollbackHint')}
              checked={settings.rollback}
              onChange={(rollback) => setSettings({ ...settings, rollback })}
              testId="stack-rollback"
            />
          </div>
        </DetailSection>

        <DetailSection title={t('stack-launch.sections.parameters')}>
          {validation ? (
            <ParametersForm
              validation={validation}
              values={values}
              onChange={(name, value) => setEdited((current) => ({ ...current, [name]: value }))}
              problems={shownProblems(problems, attempted)}
            />
          ) : (
            <p className="text-sm text-fg-muted">{t('stack-launch.parameters.afterValidation')}</p>
          )}
        </DetailSection>

        <DetailSection title={t('stack-launch.sections.preview')}>
          <div className="space-y-3" data-testid="stack-preview">
            <p className="text-sm text-fg-muted">{t('stack-launch.preview.hint')}</p>
            <Button
              onClick={() => preview.mutate(stackCreateBody({ ...launch, settings: { ...settings, name: settings.name.trim() || 'preview' } }))}
              disabled={!checks.sendable || preview.isPending}
              data-testid="preview-stack"
            >
              {preview.isPending && <Spinner />}
              {t('stack-launch.preview.run')}
            </Button>
            {preview.error && <ErrorNotice error={preview.error} />}
            {preview.data && !preview.isPending && <StackPreviewView preview={preview.data} />}
          </div>
        </DetailSection>

        <div className="space-y-3">
          {refusal !== null && (
            <div data-testid="launch-refused">
              <p className="mb-1 text-sm font-medium text-danger">{t('stack-launch.validation.refusedNoStack')}</p>
              <ErrorNotice error={refusal} />
            </div>
          )}
          {submission.error !== null && <ErrorNotice error={submission.error} />}
          {attempted && !checks.sendable && (
            <p className="text-sm text-danger" data-testid="launch-blocked">
              {t(template.mode === 'url' ? 'stack-launch.blocked.url' : 'stack-launch.blocked.template')}
            </p>
          )}
          <ActionApiViews commands={launchStack.cli(project, launch)} requests={() => launchStack.request(project, launch)} />
          <div className="flex justify-end">
            <Button type="submit" variant="primary" disabled={pending} data-testid="launch-stack">
              {pending && <Spinner />}
              {t('stack-launch.actions.launch')}
            </Button>
          </div>
        </div>
      </form>
    </div>
  );
}
