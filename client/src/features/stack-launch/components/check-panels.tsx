// What Heat answered about the template and the stack it would make, shown where the user works: its validation
// (accepted with its description, or refused in its own words with the request id), the resources a new stack
// would hold (`POST /stacks/preview`), and what an update would add, replace, update or delete.
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import type { PreviewResource, StackPreview, TemplateValidation, UpdatePreview } from '../../../resources/stacks/types';

export function ValidationStatus({
  validation,
  settled,
  sendable,
}: {
  validation: UseQueryResult<TemplateValidation>;
  /** False while the text has changed since Heat's last answer. */
  settled: boolean;
  sendable: boolean;
}) {
  const { t } = useTranslation();
  if (!sendable) return null;
  if (!settled || validation.isPending) return <LoadingState label={t('stack-launch.validation.checking')} className="justify-start py-1" />;
  if (validation.error) {
    return (
      <div data-testid="validation-refused" className="space-y-1">
        <p className="text-sm font-medium text-danger">{t('stack-launch.validation.refused')}</p>
        <ErrorNotice error={validation.error} />
      </div>
    );
  }
  return (
    <p data-testid="validation-ok" className="text-sm text-ok">
      {t('stack-launch.validation.accepted', { count: Object.keys(validation.data.Parameters).length })}
      {validation.data.Description && validation.data.Description !== 'No description' && (
        <span className="block text-fg-muted" data-testid="validation-description">
          {validation.data.Description}
        </span>
      )}
    </p>
  );
}

/** The previewed resources, nested stacks' ones flattened after their parent's. */
export function previewResources(preview: StackPreview): PreviewResource[] {
  const flatten = (entries: (PreviewResource | PreviewResource[])[]): PreviewResource[] =>
    entries.flatMap((entry) => (Array.isArray(entry) ? flatten(entry) : [entry]));
  return flatten(preview.stack.resources);
}

function ResourceRows({ resources, testId }: { resources: readonly PreviewResource[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="w-full table-fixed text-left text-sm" data-testid={testId}>
      <thead className="text-xs text-fg-muted">
        <tr>
          <th className="w-1/3 py-1 pr-3 font-medium">{t('stack-launch.preview.name')}</th>
          <th className="w-1/3 py-1 pr-3 font-medium">{t('stack-launch.preview.type')}</th>
          <th className="py-1 font-medium">{t('stack-launch.preview.requiredBy')}</th>
        </tr>
      </thead>
      <tbody>
        {resources.map((resource, index) => (
          <tr key={`${resource.resource_name}-${index}`} className="border-t border-line" data-testid="preview-resource">
            <td className="truncate py-1 pr-3 font-mono text-xs text-fg">{resource.resource_name}</td>
            <td className="truncate py-1 pr-3 font-mono text-xs text-fg">{resource.resource_type}</td>
            <td className="py-1 text-xs text-fg-muted">{resource.required_by.join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StackPreviewView({ preview }: { preview: StackPreview }) {
  const { t } = useTranslation();
  const resources = previewResources(preview);
  return (
    <div className="space-y-2">
      <p className="text-sm text-fg">{t('stack-launch.preview.creates', { count: resources.length })}</p>
      <ResourceRows resources={resources} testId="preview-resources" />
    </div>
  );
}

const changeKinds = ['added', 'replaced', 'updated', 'deleted', 'unchanged'] as const;

export function UpdatePreviewView({ preview }: { preview: UpdatePreview }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3" data-testid="update-preview">
      {changeKinds.map((kind) => {
        const resources = preview.resource_changes[kind] ?? [];
        return (
          <div key={kind} data-testid={`update-preview-${kind}`}>
            <h4 className="text-sm font-medium text-fg">{t(`stack-launch.updatePreview.${kind}`, { count: resources.length })}</h4>
            {resources.length > 0 && <ResourceRows resources={resources} testId={`update-preview-${kind}-resources`} />}
          </div>
        );
      })}
      {(preview.resource_changes.replaced ?? []).length > 0 && (
        <p className="text-xs text-fg-muted" data-testid="update-preview-replaced-hint">
          {t('stack-launch.updatePreview.replacedHint')}
        </p>
      )}
    </div>
  );
}
