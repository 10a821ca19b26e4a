// The template made from existing resources: the selection comes from the URL (the list pages' "Export as
// template", or "Whole project"), the project is read once, the generator writes the template, and the page shows
// it in the editor (the user may change it), explains it, downloads it, has Heat validate it, and hands it to the
// launch page, in this project or another.
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useScope } from '../../../lib/scope';
import { isEmptySelection, parseTemplateExportSelection, wholeProjectExportHref, type TemplateExportSelection } from '../../../lib/template-export';
import { Button } from '../../../lib/ui/button';
import { CodeEditor } from '../../../lib/ui/code-editor';
import { downloadBlob } from '../../../lib/ui/download';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Notice } from '../../../lib/ui/notice';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { Spinner } from '../../../lib/ui/spinner';
import { validateTemplate } from '../../../resources/stacks/stacks';
import { generateTemplate } from '../generate-template';
import type { GeneratedTemplate } from '../snapshot';
import { LaunchAsStack } from './launch-as-stack';
import { TemplateExplanation } from './template-explanation';
import { useProjectSnapshot } from './use-project-snapshot';

const sources = [
  { to: '/instances', label: 'stack-export.sources.instances' },
  { to: '/networks', label: 'stack-export.sources.networks' },
  { to: '/routers', label: 'stack-export.sources.routers' },
  { to: '/security-groups', label: 'stack-export.sources.securityGroups' },
  { to: '/volumes', label: 'stack-export.sources.volumes' },
  { to: '/keypairs', label: 'stack-export.sources.keypairs' },
] as const;

const linkButtonClass = 'inline-flex items-center rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-sunken';

export function StackExportPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const selection = useMemo(() => parseTemplateExportSelection(search), [search]);
  if (!isEmptySelection(selection)) return <SelectionExport selection={selection} />;
  return (
    <ExportFrame selection={selection}>
      <div className="max-w-3xl space-y-3">
        <p className="text-sm text-fg">{t('stack-export.intro')}</p>
        <ul className="flex flex-wrap gap-2">
          {sources.map((source) => (
            <li key={source.to}>
              <Link to={source.to} className="text-sm text-brand hover:underline">
                {t(source.label)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </ExportFrame>
  );
}

/** The page's header (its "Whole project" unless that is what is shown, and the caller's buttons) over its body. */
function ExportFrame({ selection, actions, children }: { selection: TemplateExportSelection; actions?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const scope = useScope();
  return (
    <div className="px-6 py-6">
      <PageHeader
        title={t('stack-export.title')}
        subtitle={t(selection.wholeProject ? 'stack-export.subtitle.project' : 'stack-export.subtitle.selection', { project: scope.projectName })}
        actions={
          <>
            {actions}
            {!selection.wholeProject && (
              <Link to={wholeProjectExportHref} className={linkButtonClass} data-testid="export-whole-project">
                {t('stack-export.wholeProject')}
              </Link>
            )}
          </>
        }
      />
      {children}
    </div>
  );
}

function SelectionExport({ selection }: { selection: TemplateExportSelection }) {
  const { t } = useTranslation();
  const project = useProjectSnapshot();
  const generated = useMemo(() => (project.snapshot ? generateTemplate(project.snapshot, selection) : undefined), [project.snapshot, selection]);

  return (
    <ExportFrame selection={selection} actions={<RefreshButton query={{ refetch: project.refetch, isFetching: project.isFetching }} />}>
      {project.error && <ErrorNotice error={project.error} onRetry={project.refetch} className="mb-4" />}
      {!generated && !project.error && <LoadingState label={t('stack-export.loading')} />}
      {generated && <GeneratedExport key={generated.text} generated={generated} />}
    </ExportFrame>
  );
}

/** Keyed by the generated text: reading the project again into another template starts the edits over. */
function GeneratedExport({ generated }: { generated: GeneratedTemplate }) {
  const { t } = useTranslation();
  const scope = useScope();
  const [text, setText] = useState(generated.text);
  const validation = useMutation({ mutationFn: (template: string) => validateTemplate({ template }) });
  // An answer is about the text it was given: once the text changes, it no longer applies.
  const validated = validation.variables === text;

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <Button
            onClick={() => downloadBlob(`${scope.projectName}-template.yaml`, new Blob([text], { type: 'application/yaml' }))}
            data-testid="export-download"
          >
            {t('stack-export.download')}
          </Button>
          <Button onClick={() => validation.mutate(text)} disabled={validation.isPending} data-testid="export-validate">
            {validation.isPending && <Spinner />}
            {t('stack-export.validate.button')}
          </Button>
          {text !== generated.text && (
            <>
              <span className="text-sm text-fg-muted">{t('stack-export.editor.edited')}</span>
              <Button variant="ghost" onClick={() => setText(generated.text)} data-testid="export-revert">
                {t('stack-export.editor.revert')}
              </Button>
            </>
          )}
        </div>
        {validated && validation.isSuccess && (
          <Notice testId="export-validation">{t('stack-export.validate.ok', { count: Object.keys(validation.data.Parameters).length })}</Notice>
        )}
        {validated && validation.isError && <ErrorNotice error={validation.error} />}
        <p className="text-sm text-fg-muted">{t('stack-export.editor.hint')}</p>
        <CodeEditor value={text} onChange={setText} language="yaml" ariaLabel={t('stack-export.editor.label')} testId="export-template" />
        <LaunchAsStack template={text} />
      </div>
      <TemplateExplanation generated={generated} />
    </div>
  );
}
