// What deleting stacks deletes, shown in the confirmation: each stack's resources (those of its nested stacks too),
// grouped by type, as Heat lists them. Heat deletes what it made; the list is read when the dialog opens.
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../../lib/scope';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { nestedDepth } from '../../../resources/stacks/events';
import { stackRef, stackResourcesQueryOptions } from '../../../resources/stacks/stacks';
import type { StackResource, StackSummary } from '../../../resources/stacks/types';

/** Resource names by type, types in alphabetical order. */
export function resourcesByType(resources: readonly StackResource[]): [type: string, names: string[]][] {
  const byType = new Map<string, string[]>();
  for (const resource of resources) byType.set(resource.resource_type, [...(byType.get(resource.resource_type) ?? []), resource.resource_name]);
  return [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, names]) => [type, names.sort((a, b) => a.localeCompare(b))]);
}

export function DeletedResources({ resources: stacks }: { resources: readonly StackSummary[] }) {
  const { t } = useTranslation();
  const scope = useScope();
  const reads = useQueries({ queries: stacks.map((stack) => stackResourcesQueryOptions(scope, stackRef(stack), nestedDepth)) });
  return (
    <div className="max-h-64 space-y-3 overflow-y-auto text-sm" data-testid="deleted-resources">
      {stacks.map((stack, index) => {
        const read = reads[index]!;
        return (
          <section key={stack.id} data-testid="deleted-stack" data-stack-id={stack.id}>
            {stacks.length > 1 && <h3 className="mb-1 font-medium text-fg">{stack.stack_name}</h3>}
            {read.error ? (
              <ErrorNotice error={read.error} onRetry={() => void read.refetch()} />
            ) : !read.data ? (
              <LoadingState label={t('stacks.actions.delete.loadingResources')} />
            ) : read.data.length === 0 ? (
              <p className="text-fg-muted">{t('stacks.actions.delete.noResources')}</p>
            ) : (
              <>
                <p className="mb-1 text-fg">{t('stacks.actions.delete.resources', { count: read.data.length })}</p>
                <ul className="space-y-0.5">
                  {resourcesByType(read.data).map(([type, names]) => (
                    <li key={type} data-testid="deleted-resource-type" data-type={type}>
                      <code className="font-mono text-xs text-fg-muted">{type}</code> <span className="text-fg">{names.join(', ')}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
