// One instance (deep link /instances/<id>): every field, the same actions as the list's row menu, and tabs for
// interfaces, console, Nova's action log and the CLI equivalents. Polled while it changes.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useScope } from '../../../lib/scope';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import { Tabs, useTabParam } from '../../../lib/ui/tabs';
import { useImagesByIds } from '../../../resources/images/images-by-ids';
import { portKeys } from '../../../resources/ports/ports';
import { changeSecurityGroups } from '../actions';
import { addressesByNetwork } from '../../../resources/servers/addresses';
import { useServerPolling } from '../../../resources/servers/servers';
import { useWatch } from '../../../resources/servers/server-watch';
import type { Server } from '../../../resources/servers/types';
import { ActionLogTab, CliTab, ConsoleTab, InterfacesTab } from './detail-tabs';
import { ServerSecurityGroups } from './server-security-groups';
import { serverDetailReads } from './server-reads';
import { StatusBadge } from '../../../resources/servers/components/server-status';
import { useServerActions } from './use-server-actions';

const tabs = ['overview', 'interfaces', 'console', 'log', 'cli'] as const;

function OverviewTab({ server, onChangeGroups }: { server: Server; onChangeGroups: () => void }) {
  const { t, i18n } = useTranslation();
  const images = useImagesByIds([server.image === '' ? null : server.image.id]);
  const date = (value: string | null | undefined) => (value ? new Date(value).toLocaleString(i18n.resolvedLanguage) : '—');
  const flavor = server.flavor;
  const imageName = server.image === '' ? t('instances.list.bootVolume') : (images.data?.get(server.image.id)?.name ?? server.image.id);
  const power = String(server['OS-EXT-STS:power_state']) as '0' | '1' | '3' | '4' | '6' | '7';
  return (
    <div className="space-y-4">
      {server.fault && (
        <div role="alert" className="rounded-md border border-danger-line bg-danger-soft px-3 py-2.5 text-sm" data-testid="server-fault">
          <p className="font-semibold text-danger">{t('instances.detail.fault')}</p>
          <p className="mt-1 break-words">{server.fault.message}</p>
          <p className="mt-1 text-xs text-fg-muted">{t('instances.detail.faultCode', { code: server.fault.code, time: date(server.fault.created) })}</p>
        </div>
      )}
      <DetailSection title={t('instances.detail.tabs.overview')}>
        <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
          <DetailField label={t('instances.detail.fields.id')}>
            <code className="text-xs select-all">{server.id}</code>
          </DetailField>
          <DetailField label={t('instances.detail.fields.status')}>
            <StatusBadge server={server} pending={false} />
          </DetailField>
          <DetailField label={t('instances.detail.fields.vmState')}>{server['OS-EXT-STS:vm_state']}</DetailField>
          <DetailField label={t('instances.detail.fields.taskState')} testId="detail-task-state">
            {server['OS-EXT-STS:task_state'] ?? '—'}
          </DetailField>
          <DetailField label={t('instances.detail.fields.powerState')}>{t(`instances.detail.powerStates.${power}`)}</DetailField>
          <DetailField label={t('instances.detail.fields.locked')} testId="detail-locked">
            {server.locked ? t('instances.detail.yes') : t('instances.detail.no')}
            {server.locked_reason ? ` (${server.locked_reason})` : ''}
          </DetailField>
          <DetailField label={t('instances.detail.fields.image')} testId="detail-image">
            {imageName}
          </DetailField>
          <DetailField label={t('instances.detail.fields.flavor')} testId="detail-flavor">
            {flavor.original_name}
            <span className="block text-xs text-fg-muted">
              {t('instances.detail.fields.flavorSpec', { vcpus: flavor.vcpus, ram: flavor.ram, disk: flavor.disk })}
            </span>
          </DetailField>
          <DetailField label={t('instances.detail.fields.keyName')}>{server.key_name ?? '—'}</DetailField>
          <DetailField label={t('instances.detail.fields.az')}>{server['OS-EXT-AZ:availability_zone'] || '—'}</DetailField>
          <DetailField label={t('instances.detail.fields.created')}>{date(server.created)}</DetailField>
          <DetailField label={t('instances.detail.fields.updated')}>{date(server.updated)}</DetailField>
          <DetailField label={t('instances.detail.fields.launched')}>{date(server['OS-SRV-USG:launched_at'])}</DetailField>
          <DetailField label={t('instances.detail.fields.configDrive')}>{server.config_drive ? t('instances.detail.yes') : t('instances.detail.no')}</DetailField>
          <DetailField label={t('instances.detail.fields.host')}>
            <code className="text-xs">{server.hostId || '—'}</code>
          </DetailField>
          <DetailField label={t('instances.detail.fields.description')} testId="detail-description">
            {server.description || '—'}
          </DetailField>
        </dl>
      </DetailSection>
      <div className="grid gap-4 lg:grid-cols-2">
        <DetailSection title={t('instances.detail.fields.addresses')} testId="detail-addresses">
          {addressesByNetwork(server.addresses).length === 0 ? (
            <p className="text-sm text-fg-muted">{t('instances.detail.none')}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {addressesByNetwork(server.addresses).map((entry) => (
                <li key={entry.network}>
                  <span className="font-medium">{entry.network}</span>
                  <span className="ml-2 font-mono text-xs">
                    {[...entry.fixed, ...entry.floating.map((ip) => `${ip} (${t('resources.servers.floating')})`)].join(', ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </DetailSection>
        <DetailSection title={t('instances.detail.securityGroups')} testId="detail-security-groups">
          <ServerSecurityGroups server={server} onChange={onChangeGroups} />
        </DetailSection>
        <DetailSection title={t('instances.detail.metadata')} testId="detail-metadata">
          {Object.keys(server.metadata).length === 0 ? (
            <p className="text-sm text-fg-muted">{t('instances.detail.noMetadata')}</p>
          ) : (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {Object.entries(server.metadata).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-mono text-xs text-fg-muted">{key}</dt>
                  <dd className="font-mono text-xs break-all">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </DetailSection>
        <DetailSection title={t('instances.detail.volumes')} testId="detail-volumes">
          {server['os-extended-volumes:volumes_attached'].length === 0 ? (
            <p className="text-sm text-fg-muted">{t('instances.detail.noVolumes')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {server['os-extended-volumes:volumes_attached'].map((volume) => (
                <li key={volume.id}>
                  <code className="text-xs">{volume.id}</code>
                  {volume.delete_on_termination && <span className="ml-2 text-xs text-fg-muted">({t('instances.detail.deleteOnTermination')})</span>}
                </li>
              ))}
            </ul>
          )}
        </DetailSection>
      </div>
    </div>
  );
}

/**
 * Reads Neutron's ports again whenever the polled server's addresses change: Nova attaches or detaches an interface
 * after answering, so the ports read right after the action (interfaces tab, security groups) may predate it.
 */
function usePortsFollowingAddresses(server: Server | undefined) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const addresses = server && JSON.stringify(server.addresses);
  const previous = useRef(addresses);
  useEffect(() => {
    if (previous.current !== undefined && addresses !== undefined && addresses !== previous.current) {
      void queryClient.invalidateQueries({ queryKey: portKeys.all(scope) });
    }
    previous.current = addresses;
  }, [addresses, queryClient, scope]);
}

export function InstanceDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const scope = useScope();
  const [tab, selectTab] = useTabParam(tabs);
  const query = useServerPolling(scope, id);
  const pending = useWatch(id) !== undefined;
  const actions = useServerActions();
  usePortsFollowingAddresses(query.data);

  return (
    <div className="px-6 py-6">
      <BackLink to="/instances">{t('instances.detail.back')}</BackLink>
      <DetailState query={query} loading={t('instances.detail.loading')} deleted={t('instances.detail.deleted')} deletedTestId="server-deleted">
        {(server) => (
          <>
            <DetailHeader
              title={server.name || server.id}
              reads={serverDetailReads(id)}
              status={<StatusBadge server={server} pending={pending} />}
              actions={
                <Menu
                  label={t('instances.detail.actions')}
                  trigger={<span className="px-1 font-medium">{t('instances.detail.actions')}</span>}
                  items={actions.menuItems(server)}
                  testId="detail-actions"
                />
              }
            />
            <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
            <Tabs tabs={tabs} current={tab} onSelect={selectTab} label={server.name || server.id} tabLabel={(name) => t(`instances.detail.tabs.${name}`)}>
              {tab === 'overview' && <OverviewTab server={server} onChangeGroups={() => actions.trigger(changeSecurityGroups, [server])} />}
              {tab === 'interfaces' && <InterfacesTab server={server} />}
              {tab === 'console' && <ConsoleTab server={server} />}
              {tab === 'log' && <ActionLogTab server={server} />}
              {tab === 'cli' && <CliTab server={server} />}
            </Tabs>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
