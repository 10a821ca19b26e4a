// One volume (deep link /volumes/<id>): every field Cinder returns, its attachments (instance links), metadata, the
// image metadata of a bootable volume, its snapshots, and Cinder's user messages about it (what explains an error
// status). Polled while it changes; the same actions as the list's row menu.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useScope } from '../../../lib/scope';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import type { PageReads } from '../../../lib/ui/api-reads';
import { serverNamesQueryOptions } from '../../../resources/servers/server-names';
import { serversPath } from '../../../resources/servers/servers';
import { useVolumeSnapshots, volumeSnapshotsPath } from '../../../resources/volume-snapshots/volume-snapshots';
import { VolumeStatusBadge } from '../../../resources/volumes/components/volume-status';
import { messagesPath, useVolumeMessages } from '../../../resources/volumes/messages';
import { transfersPath } from '../../../resources/volumes/transfers';
import type { Volume } from '../../../resources/volumes/types';
import { cinderTime } from '../../../resources/volumes/volume-state';
import { useVolumeWatch } from '../../../resources/volumes/volume-watch';
import { useVolumePolling, volumePath } from '../../../resources/volumes/volumes';
import { volumeActions } from '../actions';
import { VolumeTransfersSection } from './advanced-transfers';
import { useVolumeActions } from './use-volume-actions';

function useDate() {
  const { i18n } = useTranslation();
  return (value: string | null | undefined) => (value ? new Date(cinderTime(value)).toLocaleString(i18n.resolvedLanguage) : '—');
}

const code = (value: string | null | undefined, testId?: string) =>
  value ? (
    <code className="text-xs break-all select-all" data-testid={testId}>
      {value}
    </code>
  ) : (
    '—'
  );

function KeyValues({ entries, empty, testId }: { entries: [string, string][]; empty: string; testId: string }) {
  if (entries.length === 0) return <p className="text-sm text-fg-muted">{empty}</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid={testId}>
      {entries.map(([key, value]) => (
        <div key={key} className="contents" data-testid={`${testId}-row`} data-key={key}>
          <dt className="font-mono text-xs text-fg-muted">{key}</dt>
          <dd className="font-mono text-xs break-all" data-testid={`${testId}-value-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ head, children, testId }: { head: string[]; children: ReactNode; testId: string }) {
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <thead>
        <tr className="text-left text-xs text-fg-muted">
          {head.map((label) => (
            <th key={label} scope="col" className="py-1 pr-3 font-medium">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function Attachments({ volume }: { volume: Volume }) {
  const { t } = useTranslation();
  const scope = useScope();
  const date = useDate();
  const names = useQuery({ ...serverNamesQueryOptions(scope), enabled: volume.attachments.length > 0 });
  if (volume.attachments.length === 0) return <p className="text-sm text-fg-muted">{t('volumes.detail.noAttachments')}</p>;
  return (
    <Table head={[t('volumes.detail.instance'), t('volumes.detail.device'), t('volumes.detail.host'), t('volumes.detail.attachedAt')]} testId="attachments-table">
      {volume.attachments.map((attachment) => (
        <tr key={attachment.attachment_id} className="border-t border-line" data-testid="attachment-row" data-server-id={attachment.server_id}>
          <td className="py-1.5 pr-3">
            <Link to={`/instances/${attachment.server_id}`} className="text-brand hover:underline" data-testid="attachment-server">
              {names.data?.get(attachment.server_id) ?? attachment.server_id}
            </Link>
          </td>
          <td className="py-1.5 pr-3 font-mono text-xs" data-testid="attachment-device">
            {attachment.device}
          </td>
          <td className="py-1.5 pr-3">{attachment.host_name ?? '—'}</td>
          <td className="py-1.5 pr-3 whitespace-nowrap">{date(attachment.attached_at)}</td>
        </tr>
      ))}
    </Table>
  );
}

function Snapshots({ volume }: { volume: Volume }) {
  const { t } = useTranslation();
  const date = useDate();
  const snapshots = useVolumeSnapshots({ volumeId: volume.id });
  if (snapshots.error) return <ErrorNotice error={snapshots.error} onRetry={() => void snapshots.refetch()} />;
  if (!snapshots.data) return <LoadingState label={t('volumes.detail.loadingSnapshots')} />;
  if (snapshots.data.length === 0) return <p className="text-sm text-fg-muted">{t('volumes.detail.noSnapshots')}</p>;
  return (
    <Table head={[t('volumes.columns.name'), t('volumes.columns.status'), t('volumes.columns.size'), t('volumes.columns.created_at')]} testId="snapshots-table">
      {snapshots.data.map((snapshot) => (
        <tr key={snapshot.id} className="border-t border-line" data-testid="snapshot-row" data-snapshot-id={snapshot.id}>
          <td className="py-1.5 pr-3">{snapshot.name || snapshot.id}</td>
          <td className="py-1.5 pr-3" data-testid="snapshot-status">
            {snapshot.status}
          </td>
          <td className="py-1.5 pr-3 whitespace-nowrap">{t('volumes.gib', { count: snapshot.size })}</td>
          <td className="py-1.5 pr-3 whitespace-nowrap">{date(snapshot.created_at)}</td>
        </tr>
      ))}
    </Table>
  );
}

function Messages({ volume }: { volume: Volume }) {
  const { t } = useTranslation();
  const date = useDate();
  const messages = useVolumeMessages(volume.id);
  if (messages.error) return <ErrorNotice error={messages.error} onRetry={() => void messages.refetch()} />;
  if (!messages.data) return <LoadingState label={t('volumes.detail.loadingMessages')} />;
  if (messages.data.length === 0) return <p className="text-sm text-fg-muted">{t('volumes.detail.noMessages')}</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="messages-list">
      {messages.data.map((message) => (
        <li key={message.id} className="rounded-md border border-line p-2" data-testid="message-row" data-level={message.message_level}>
          <p className={message.message_level === 'ERROR' ? 'font-medium text-danger' : 'text-fg'} data-testid="message-text">
            {message.user_message}
          </p>
          <p className="mt-0.5 text-xs text-fg-muted">
            {t('volumes.detail.messageMeta', { date: date(message.created_at), event: message.event_id, requestId: message.request_id })}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Overview({ volume }: { volume: Volume }) {
  const { t } = useTranslation();
  const date = useDate();
  const yesNo = (value: boolean | null | undefined) => (value === undefined || value === null ? '—' : value ? t('volumes.yes') : t('volumes.no'));
  const readOnly = volume.metadata?.readonly === 'True';
  const metadata = Object.entries(volume.metadata ?? {});
  const imageMetadata = Object.entries(volume.volume_image_metadata ?? {});
  const optional: [label: string, value: ReactNode][] = (
    [
      [t('volumes.detail.project'), volume['os-vol-tenant-attr:tenant_id'] && code(volume['os-vol-tenant-attr:tenant_id'])],
      [t('volumes.detail.host'), volume['os-vol-host-attr:host'] && code(volume['os-vol-host-attr:host'])],
      [t('volumes.detail.migration'), volume.migration_status ?? volume['os-vol-mig-status-attr:migstat']],
      [t('volumes.detail.group'), volume.group_id && code(volume.group_id)],
      [t('volumes.detail.consistencyGroup'), volume.consistencygroup_id && code(volume.consistencygroup_id)],
      [t('volumes.detail.replication'), volume.replication_status],
      [t('volumes.detail.provider'), volume.provider_id && code(volume.provider_id)],
      [t('volumes.detail.cluster'), volume.cluster_name],
      [t('volumes.detail.service'), volume.service_uuid && code(volume.service_uuid)],
      [t('volumes.detail.sharedTargets'), volume.shared_targets === undefined ? undefined : yesNo(volume.shared_targets)],
      [t('volumes.detail.encryptionKey'), volume.encryption_key_id && code(volume.encryption_key_id)],
      [t('volumes.detail.consumesQuota'), volume.consumes_quota === undefined ? undefined : yesNo(volume.consumes_quota)],
    ] as [string, ReactNode][]
  ).filter(([, value]) => value !== undefined && value !== null && value !== '');

  return (
    <div className="space-y-4">
      <DetailSection title={t('volumes.detail.overview')}>
        <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
          <DetailField label={t('volumes.detail.id')}>{code(volume.id)}</DetailField>
          <DetailField label={t('volumes.columns.status')}>
            <VolumeStatusBadge status={volume.status} />
          </DetailField>
          <DetailField label={t('volumes.columns.size')} testId="detail-size">
            {t('volumes.gib', { count: volume.size })}
          </DetailField>
          <DetailField label={t('volumes.columns.type')} testId="detail-type">
            {volume.volume_type ?? '—'}
          </DetailField>
          <DetailField label={t('volumes.columns.bootable')} testId="detail-bootable">
            {yesNo(volume.bootable === 'true')}
          </DetailField>
          <DetailField label={t('volumes.detail.readOnly')} testId="detail-read-only">
            {yesNo(readOnly)}
          </DetailField>
          <DetailField label={t('volumes.columns.encrypted')}>{yesNo(volume.encrypted)}</DetailField>
          <DetailField label={t('volumes.detail.multiattach')}>{yesNo(volume.multiattach)}</DetailField>
          <DetailField label={t('volumes.columns.availability_zone')}>{volume.availability_zone}</DetailField>
          <DetailField label={t('volumes.fields.description')} testId="detail-description">
            {volume.description || '—'}
          </DetailField>
          <DetailField label={t('volumes.detail.sourceSnapshot')}>{code(volume.snapshot_id)}</DetailField>
          <DetailField label={t('volumes.detail.sourceVolume')}>
            {volume.source_volid ? (
              <Link to={`/volumes/${volume.source_volid}`} className="text-brand hover:underline">
                {code(volume.source_volid)}
              </Link>
            ) : (
              '—'
            )}
          </DetailField>
          <DetailField label={t('volumes.detail.user')}>{code(volume.user_id)}</DetailField>
          <DetailField label={t('volumes.columns.created_at')}>{date(volume.created_at)}</DetailField>
          <DetailField label={t('volumes.detail.updated_at')}>{date(volume.updated_at)}</DetailField>
          {volume.volume_type_id && <DetailField label={t('volumes.detail.typeId')}>{code(volume.volume_type_id)}</DetailField>}
          {optional.map(([label, value]) => (
            <DetailField key={label} label={label}>
              {value}
            </DetailField>
          ))}
        </dl>
      </DetailSection>
      <DetailSection title={t('volumes.detail.attachments')} testId="detail-attachments">
        <Attachments volume={volume} />
      </DetailSection>
      <div className="grid gap-4 lg:grid-cols-2">
        <DetailSection title={t('volumes.detail.metadata')} testId="detail-metadata">
          <KeyValues entries={metadata} empty={t('volumes.detail.noMetadata')} testId="metadata" />
        </DetailSection>
        {volume.bootable === 'true' && (
          <DetailSection title={t('volumes.detail.imageMetadata')} testId="detail-image-metadata">
            <KeyValues entries={imageMetadata} empty={t('volumes.detail.noImageMetadata')} testId="image-metadata" />
          </DetailSection>
        )}
      </div>
      <DetailSection title={t('volumes.detail.snapshots')} testId="detail-snapshots">
        <Snapshots volume={volume} />
      </DetailSection>
      <DetailSection title={t('volumes.detail.messages')} testId="detail-messages">
        <Messages volume={volume} />
      </DetailSection>
    </div>
  );
}

export function VolumeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const scope = useScope();
  const query = useVolumePolling(scope, id);
  // The volume, its attachments' instance names, its snapshots, Cinder's messages about it, the pending transfers.
  const reads: PageReads = {
    commands: [
      ['volume', 'show', id],
      ['volume', 'snapshot', 'list', '--long', '--volume', id],
      // Cinder's messages need microversion 3.3; the CLI cannot filter them by volume.
      ['--os-volume-api-version', '3.5', 'volume', 'message', 'list'],
      ['volume', 'transfer', 'request', 'list'],
    ],
    requests: [
      volumePath(id),
      serversPath,
      { path: `${volumeSnapshotsPath}/detail`, params: { volume_id: id } },
      { path: messagesPath, params: { resource_uuid: id } },
      `${transfersPath}/detail`,
    ],
  };
  const watch = useVolumeWatch(id);
  const actions = useVolumeActions();

  return (
    <div className="px-6 py-6">
      <BackLink to="/volumes">{t('volumes.detail.back')}</BackLink>
      <DetailState query={query} loading={t('volumes.detail.loading')} deleted={t('volumes.detail.deleted')} deletedTestId="volume-deleted">
        {(volume) => (
          <>
            <DetailHeader
              title={volume.name || volume.id}
              reads={reads}
              status={<VolumeStatusBadge status={volume.status} pending={watch !== undefined} />}
              actions={
                <Menu
                  label={t('volumes.detail.actions')}
                  trigger={<span className="px-1 font-medium">{t('volumes.detail.actions')}</span>}
                  items={actions.menuItems(volume, volumeActions)}
                  testId="detail-actions"
                />
              }
            />
            <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
            <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
              <Overview volume={volume} />
            </div>
            <VolumeTransfersSection volumeId={volume.id} />
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
