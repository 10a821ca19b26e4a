// Admin: the cloud's compute hosts with what Placement says they hold and can take (vCPU, RAM, disk), the
// availability zones of compute, block storage and network, and the host aggregates. Read-only.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailSection } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { MiniGauge } from '../../../lib/ui/gauge';
import { LoadingState } from '../../../lib/ui/loading-state';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import type { PageReads } from '../../../lib/ui/api-reads';
import { useAggregates, useComputeServices, useHostCapacities, useNetworkZones, useZoneDetails } from '../../../resources/capacity/capacity';
import { capacityOf } from '../../../resources/capacity/inventory';
import { resourceClasses } from '../../../resources/capacity/types';

function Table({ label, headers, children, testId }: { label: string; headers: string[]; children: ReactNode; testId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" aria-label={label} data-testid={testId}>
        <thead>
          <tr className="border-b border-line text-left text-xs font-medium text-fg-muted">
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

const cell = 'px-3 py-2 align-middle';
const row = 'border-b border-line last:border-b-0';

function WhenLoaded<T>({ query, label, children }: { query: { data?: T; error: unknown; refetch: () => unknown }; label: string; children: (data: T) => ReactNode }) {
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <LoadingState label={label} />;
  return <>{children(query.data)}</>;
}

// Nova's hypervisors, each one's Placement inventories and usages, the compute services, the zones of the three
// services and the host aggregates.
const reads: PageReads = {
  commands: [
    ['hypervisor', 'list', '--long'],
    ['compute', 'service', 'list'],
    ['availability', 'zone', 'list', '--long'],
    ['aggregate', 'list', '--long'],
  ],
  requests: [
    '/api/os/compute/os-hypervisors/detail',
    '/api/os/placement/resource_providers/*/inventories',
    '/api/os/placement/resource_providers/*/usages',
    '/api/os/compute/os-services',
    '/api/os/compute/os-availability-zone/detail',
    '/api/os/block-storage/os-availability-zone',
    '/api/os/network/v2.0/availability_zones',
    '/api/os/compute/os-aggregates',
  ],
};

export function CapacityPage() {
  const { t } = useTranslation();
  const hosts = useHostCapacities();
  const services = useComputeServices();
  const computeZones = useZoneDetails('compute');
  const volumeZones = useZoneDetails('block-storage');
  const networkZones = useNetworkZones();
  const aggregates = useAggregates();
  const zoneOfHost = new Map(services.data?.filter((service) => service.binary === 'nova-compute').map((service) => [service.host, service.zone]));

  return (
    <div className="space-y-4 px-6 py-6">
      <PageHeader title={t('capacity.title')} subtitle={t('capacity.subtitle')} reads={reads} actions={<RefreshButton query={hosts} />} />

      <DetailSection title={t('capacity.hosts.title')} testId="capacity-hosts">
        <WhenLoaded query={hosts} label={t('capacity.hosts.loading')}>
          {(rows) => (
            <Table label={t('capacity.hosts.title')} testId="hosts-table" headers={[t('capacity.hosts.host'), t('capacity.hosts.zone'), t('capacity.hosts.state'), t('capacity.hosts.type'), ...resourceClasses.map((rc) => t(`capacity.resources.${rc}`))]}>
              {rows.map(({ hypervisor, capacity }) => (
                <tr key={hypervisor.id} className={row} data-testid="host-row" data-host={hypervisor.hypervisor_hostname}>
                  <td className={cell}>
                    <span className="font-medium text-fg">{hypervisor.hypervisor_hostname}</span>
                    <span className="block text-xs text-fg-muted">{hypervisor.host_ip}</span>
                  </td>
                  <td className={cell}>{zoneOfHost.get(hypervisor.service.host) ?? '—'}</td>
                  <td className={cell}>
                    {t(`capacity.hosts.states.${hypervisor.state}`)} · {t(`capacity.hosts.statuses.${hypervisor.status}`)}
                    {hypervisor.service.disabled_reason && <span className="block text-xs text-fg-muted">{hypervisor.service.disabled_reason}</span>}
                  </td>
                  <td className={cell}>{hypervisor.hypervisor_type}</td>
                  {capacity instanceof Error ? (
                    <td className={cell} colSpan={resourceClasses.length}>
                      <ErrorNotice error={capacity} />
                    </td>
                  ) : (
                    resourceClasses.map((rc) => {
                      const inventory = capacity.inventories[rc];
                      return (
                        <td key={rc} className={cell}>
                          {inventory ? <MiniGauge used={capacity.usages[rc] ?? 0} limit={capacityOf(inventory)} label={t(`capacity.resources.${rc}`)} testId={`host-${rc}`} /> : '—'}
                        </td>
                      );
                    })
                  )}
                </tr>
              ))}
            </Table>
          )}
        </WhenLoaded>
      </DetailSection>

      <DetailSection title={t('capacity.zones.title')} testId="capacity-zones">
        <WhenLoaded query={computeZones} label={t('capacity.zones.loading')}>
          {(zones) => (
            <Table label={t('capacity.zones.title')} testId="zones-table" headers={[t('capacity.zones.zone'), t('capacity.zones.service'), t('capacity.zones.state'), t('capacity.zones.hosts')]}>
              {[
                ...zones.map((zone) => ({ name: zone.zoneName, service: 'compute', available: zone.zoneState.available, hosts: Object.keys(zone.hosts ?? {}) })),
                ...(volumeZones.data ?? []).map((zone) => ({ name: zone.zoneName, service: 'block-storage', available: zone.zoneState.available, hosts: [] as string[] })),
                ...(networkZones.data ?? []).map((zone) => ({ name: zone.name, service: `network-${zone.resource}`, available: zone.state === 'available', hosts: [] as string[] })),
              ].map((zone) => (
                <tr key={`${zone.service}/${zone.name}`} className={row} data-testid="zone-row" data-zone={zone.name} data-service={zone.service}>
                  <td className={`${cell} font-medium text-fg`}>{zone.name}</td>
                  <td className={cell}>{t(`capacity.zones.services.${zone.service}` as 'capacity.zones.services.compute')}</td>
                  <td className={cell}>{zone.available ? t('capacity.zones.available') : t('capacity.zones.unavailable')}</td>
                  <td className={cell}>{zone.hosts.join(', ') || '—'}</td>
                </tr>
              ))}
            </Table>
          )}
        </WhenLoaded>
        {(volumeZones.error || networkZones.error) && <ErrorNotice error={volumeZones.error ?? networkZones.error} className="mt-3" />}
      </DetailSection>

      <DetailSection title={t('capacity.aggregates.title')} testId="capacity-aggregates">
        <WhenLoaded query={aggregates} label={t('capacity.aggregates.loading')}>
          {(list) =>
            list.length === 0 ? (
              <p className="text-sm text-fg-muted">{t('capacity.aggregates.none')}</p>
            ) : (
              <Table label={t('capacity.aggregates.title')} testId="aggregates-table" headers={[t('capacity.aggregates.name'), t('capacity.zones.zone'), t('capacity.zones.hosts'), t('capacity.aggregates.metadata')]}>
                {list.map((aggregate) => (
                  <tr key={aggregate.id} className={row} data-testid="aggregate-row" data-aggregate={aggregate.name}>
                    <td className={`${cell} font-medium text-fg`}>{aggregate.name}</td>
                    <td className={cell}>{aggregate.availability_zone ?? '—'}</td>
                    <td className={cell}>{aggregate.hosts.join(', ') || '—'}</td>
                    <td className={`${cell} font-mono text-xs`}>
                      {Object.entries(aggregate.metadata).map(([key, value]) => (
                        <span key={key} className="block">
                          {key}={value}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </Table>
            )
          }
        </WhenLoaded>
      </DetailSection>
    </div>
  );
}
