// The template and the environment a stack was made with, as Heat keeps them (it answers them parsed: shown back as
// YAML), read-only in the shared editor: selectable and copyable, with its line numbers.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import { useScope } from '../../../lib/scope';
import { CodeEditor } from '../../../lib/ui/code-editor';
import { DetailSection } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { stackEnvironmentQueryOptions, stackTemplateQueryOptions, type StackRef } from '../../../resources/stacks/stacks';

function ReadOnlyYaml({ query, label, loading, testId }: { query: UseQueryResult<Record<string, unknown>>; label: string; loading: string; testId: string }) {
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState label={loading} />;
  // lineWidth 0: long strings (a script, a nested template) stay on their lines as written.
  return <CodeEditor value={stringify(query.data, { lineWidth: 0 })} onChange={() => undefined} readOnly language="yaml" ariaLabel={label} testId={testId} />;
}

export function StackTemplate({ stack }: { stack: StackRef }) {
  const { t } = useTranslation();
  const scope = useScope();
  const template = useQuery(stackTemplateQueryOptions(scope, stack));
  const environment = useQuery(stackEnvironmentQueryOptions(scope, stack));
  return (
    <div className="space-y-4">
      <DetailSection title={t('stacks.template.template')} testId="stack-template-section">
        <ReadOnlyYaml query={template} label={t('stacks.template.template')} loading={t('stacks.template.loading')} testId="stack-template" />
      </DetailSection>
      <DetailSection title={t('stacks.template.environment')} testId="stack-environment-section">
        <ReadOnlyYaml query={environment} label={t('stacks.template.environment')} loading={t('stacks.template.loading')} testId="stack-environment" />
      </DetailSection>
    </div>
  );
}
