import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasService } from '@contract/service-types';
import { useScope } from '../../../lib/scope';
import { EmptyState } from '../../../lib/ui/empty-state';
import { DiskIcon, NetworkIcon, ServerIcon } from '../../../lib/ui/icons';
import { keypairsQueryOptions } from '../../../resources/keypairs/keypairs';
import { blockStorageQuotaOptions, computeLimitsOptions, computeUsage, loadBalancerQuotaOptions, networkQuotaOptions } from '../../../resources/quotas/limits';
import { QuotaCard } from './quota-card';

export function OverviewPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const has = {
    compute: hasService(scope.services, 'compute'),
    network: hasService(scope.services, 'network'),
    blockStorage: hasService(scope.services, 'block-storage'),
    loadBalancer: hasService(scope.services, 'load-balancer'),
  };
  // Each card reads only when its service is in the catalog; the reads run in parallel. The compute card shows from
  // Nova's limits alone; the key pairs' count, a list of its own, fills in its gauge when it comes.
  const keypairs = useQuery({ ...keypairsQueryOptions(scope), enabled: has.compute });
  const keypairCount = keypairs.data?.length;
  const compute = useQuery({
    ...computeLimitsOptions(scope),
    enabled: has.compute,
    // Without a count (the list failed) the key pairs' gauge is left out rather than shown wrong.
    select: (limits) => computeUsage(limits, keypairCount ?? 0).filter((quota) => quota.id !== 'keypairs' || keypairCount !== undefined || keypairs.isPending),
  });
  const network = useQuery({ ...networkQuotaOptions(scope), enabled: has.network });
  const blockStorage = useQuery({ ...blockStorageQuotaOptions(scope), enabled: has.blockStorage });
  const loadBalancer = useQuery({ ...loadBalancerQuotaOptions(scope), enabled: has.loadBalancer });

  return (
    <div className="max-w-6xl px-6 py-6">
      <div className="mb-5">
        <h1 className="text-xl font-semibold text-fg">{t('overview.title')}</h1>
        <p className="mt-1 text-sm text-fg-muted">
          {t('overview.subtitle', { project: scope.projectName, region: scope.region })}
        </p>
      </div>
      <div className="space-y-4">
        {has.compute && <QuotaCard service="compute" icon={ServerIcon} usage={compute} pending={keypairs.isPending ? ['keypairs'] : []} />}
        {has.network && <QuotaCard service="network" icon={NetworkIcon} usage={network} />}
        {has.blockStorage && <QuotaCard service="block-storage" icon={DiskIcon} usage={blockStorage} />}
        {has.loadBalancer && <QuotaCard service="load-balancer" icon={NetworkIcon} usage={loadBalancer} />}
        {!has.compute && !has.network && !has.blockStorage && (
          <EmptyState title={t('overview.noServicesTitle')}>{t('overview.noServices', { region: scope.region })}</EmptyState>
        )}
      </div>
    </div>
  );
}
