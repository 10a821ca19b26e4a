import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Gauge } from '../../../lib/ui/gauge';
import { LoadingState } from '../../../lib/ui/loading-state';
import type { QuotaId, QuotaUsage } from '../../../resources/quotas/limits';

type QuotaService = 'compute' | 'network' | 'block-storage' | 'load-balancer';

interface QuotaCardProps {
  service: QuotaService;
  icon: ComponentType<{ className?: string }>;
  usage: UseQueryResult<QuotaUsage[]>;
  /** Quotas whose usage is still being read (a second read): their gauges keep their place with a placeholder. */
  pending?: readonly QuotaId[];
}

/** One service's quotas. Its errors stay inside it: the other services' cards still show. */
export function QuotaCard({ service, icon: Icon, usage, pending = [] }: QuotaCardProps) {
  const { t } = useTranslation();
  const headingId = `quota-card-${service}-heading`;
  const title = t(`services.${service}`);

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`quota-card-${service}`}
      className="rounded-xl border border-line bg-surface shadow-xs"
    >
      <header className="flex items-center gap-2 border-b border-line px-4 py-3">
        <span className="flex size-7 items-center justify-center rounded-md bg-brand-soft text-brand">
          <Icon className="size-4" />
        </span>
        <h2 id={headingId} className="text-sm font-semibold text-fg">
          {title}
        </h2>
        {usage.isFetching && !usage.isPending && (
          <span className="ml-auto text-xs text-fg-muted">{t('overview.refreshing')}</span>
        )}
      </header>
      <div className="px-4 py-4">
        {usage.isPending && <LoadingState label={t('overview.loading', { service: title })} className="py-2" />}
        {usage.isError && <ErrorNotice error={usage.error} onRetry={() => void usage.refetch()} />}
        {usage.isSuccess &&
          (usage.data.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('overview.noQuotas')}</p>
          ) : (
            <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-4">
              {usage.data.map((quota) => (
                <Gauge
                  key={quota.id}
                  testId={`gauge-${service}-${quota.id}`}
                  label={t(`quota.labels.${quota.id}`)}
                  used={quota.used}
                  limit={quota.limit}
                  unit={quota.unit && t(`quota.units.${quota.unit}`)}
                  pending={pending.includes(quota.id)}
                />
              ))}
            </div>
          ))}
      </div>
    </section>
  );
}
