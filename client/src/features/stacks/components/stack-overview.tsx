// A stack's own fields: status and Heat's reason for it, description, timeout, rollback, tags, times, the stack it
// is nested in (a link), and its parameters as Heat answers them (hidden ones masked by Heat, shown as it sends them).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailField, DetailSection } from '../../../lib/ui/detail';
import { Spinner } from '../../../lib/ui/spinner';
import { useStackSummaryById } from '../../../resources/stacks/stack-by-id';
import { heatTime } from '../../../resources/stacks/stack-state';
import { stackPagePath, stackRef } from '../../../resources/stacks/stacks';
import type { Stack } from '../../../resources/stacks/types';
import { HeatStatusBadge, StatusReason } from './stack-status';

export function useHeatDate() {
  const { i18n } = useTranslation();
  return (value: string | null | undefined) => (value ? new Date(heatTime(value)).toLocaleString(i18n.resolvedLanguage) : '—');
}

const code = (value: string) => <code className="text-xs break-all select-all">{value}</code>;

function ParentLink({ parentId }: { parentId: string }) {
  const parent = useStackSummaryById(parentId);
  if (parent.isPending) return <Spinner className="size-3.5 text-fg-muted" />;
  if (!parent.data) return code(parentId);
  return (
    <Link to={stackPagePath(stackRef(parent.data))} className="text-brand hover:underline" data-testid="stack-parent">
      {parent.data.stack_name}
    </Link>
  );
}

function Parameters({ parameters }: { parameters: Stack['parameters'] }) {
  const { t } = useTranslation();
  // Heat adds its pseudo parameters (OS::stack_name, OS::stack_id, OS::project_id): the template's own come first.
  const entries = Object.entries(parameters).sort(([a], [b]) => Number(a.startsWith('OS::')) - Number(b.startsWith('OS::')) || a.localeCompare(b));
  if (entries.length === 0) return <p className="text-sm text-fg-muted">{t('stacks.detail.noParameters')}</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="stack-parameters">
      {entries.map(([key, value]) => (
        <div key={key} className="contents" data-testid="stack-parameter" data-key={key}>
          <dt className={key.startsWith('OS::') ? 'font-mono text-xs text-fg-muted' : 'font-mono text-xs text-fg'}>{key}</dt>
          <dd className="font-mono text-xs break-all whitespace-pre-wrap" data-testid={`stack-parameter-value-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function StackOverview({ stack, pending }: { stack: Stack; pending: boolean }) {
  const { t } = useTranslation();
  const date = useHeatDate();
  return (
    <div className="space-y-4">
      <DetailSection>
        <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
          <DetailField label={t('stacks.detail.id')}>{code(stack.id)}</DetailField>
          <DetailField label={t('stacks.columns.status')}>
            <HeatStatusBadge status={stack.stack_status} pending={pending} />
          </DetailField>
          <DetailField label={t('stacks.detail.description')} testId="stack-description">
            {stack.description || '—'}
          </DetailField>
          <DetailField label={t('stacks.columns.created')}>{date(stack.creation_time)}</DetailField>
          <DetailField label={t('stacks.columns.updated')}>{date(stack.updated_time)}</DetailField>
          <DetailField label={t('stacks.detail.timeout')} testId="stack-timeout">
            {stack.timeout_mins ? t('stacks.detail.minutes', { count: stack.timeout_mins }) : t('stacks.detail.noTimeout')}
          </DetailField>
          <DetailField label={t('stacks.detail.rollback')} testId="stack-rollback">
            {stack.disable_rollback ? t('stacks.detail.rollbackDisabled') : t('stacks.detail.rollbackEnabled')}
          </DetailField>
          <DetailField label={t('stacks.columns.tags')} testId="stack-tags">
            {stack.tags?.length ? stack.tags.join(', ') : '—'}
          </DetailField>
          <DetailField label={t('stacks.detail.owner')}>{stack.stack_owner ?? '—'}</DetailField>
          {stack.parent && (
            <DetailField label={t('stacks.detail.parent')}>
              <ParentLink parentId={stack.parent} />
            </DetailField>
          )}
        </dl>
        <div className="mt-3">
          <p className="text-xs font-medium text-fg-muted">{t('stacks.detail.reason')}</p>
          <StatusReason status={stack.stack_status} reason={stack.stack_status_reason} />
        </div>
      </DetailSection>
      <DetailSection title={t('stacks.detail.parameters')} testId="stack-parameters-section">
        <Parameters parameters={stack.parameters} />
      </DetailSection>
    </div>
  );
}
