// One snapshot (deep link /volumes/snapshots/<id>): every field Cinder returns, its metadata, the volume it was taken
// of, the volumes made from it, "Launch instance" from it, and the same actions as the list's row menu. Polled while
// Cinder changes it (creating, deleting).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import type { VolumeSnapshot } from '../../../resources/volume-snapshots/types';
import type { PageReads } from '../../../lib/ui/api-reads';
import { snapshotPollInterval, useVolumeSnapshot, volumeSnapshotPath } from '../../../resources/volume-snapshots/volume-snapshots';
import type { Volume } from '../../../resources/volumes/types';
import { volumesPath, volumesQueryOptions } from '../../../resources/volumes/volumes';
import { useScope } from '../../../lib/scope';
import { identifySnapshot, launchFromSnapshotHref, snapshotActions } from '../actions';
import { SnapshotStatus } from './snapshot-status';

const code = (value: string | null | undefined) => (value ? <code className="text-xs break-all select-all">{value}</code> : '—');

function VolumeLink({ volume, id }: { volume: Volume | undefined; id: string }) {
  const { t } = useTranslation();
  return (
    <span>
      <Link to={`/volumes/${id}`} className="text-brand hover:underline" data-testid="detail-volume">
        {volume?.name || id}
      </Link>
      {volume && <span className="ml-1 text-xs text-fg-muted">({t('volume-snapshots.detail.volumeState', { size: volume.size, status: volume.status })})</span>}
    </span>
  );
}

function Overview({ snapshot, volumes }: { snapshot: VolumeSnapshot; volumes: readonly Volume[] }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => (value ? new Date(value).toLocaleString(i18n.resolvedLanguage) : '—');
  const metadata = Object.entries(snapshot.metadata ?? {});
  const madeFrom = volumes.filter((volume) => volume.snapshot_id === snapshot.id);
  const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : t(value ? 'volume-snapshots.yes' : 'volume-snapshots.no'));
  return (
    <div className="space-y-4">
      <DetailSection>
        <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
          <DetailField label={t('volume-snapshots.detail.id')}>{code(snapshot.id)}</DetailField>
          <DetailField label={t('volume-snapshots.columns.status')} testId="detail-status">
            <SnapshotStatus status={snapshot.status} />
          </DetailField>
          <DetailField label={t('volume-snapshots.detail.progress')} testId="detail-progress">
            {snapshot['os-extended-snapshot-attributes:progress'] || '—'}
          </DetailField>
          <DetailField label={t('volume-snapshots.columns.size')} testId="detail-size">{t('volume-snapshots.gib', { count: snapshot.size })}</DetailField>
          <DetailField label={t('volume-snapshots.columns.volume')}>
            <VolumeLink id={snapshot.volume_id} volume={volumes.find((volume) => volume.id === snapshot.volume_id)} />
          </DetailField>
          <DetailField label={t('volume-snapshots.detail.description')} testId="detail-description">{snapshot.description || '—'}</DetailField>
          <DetailField label={t('volume-snapshots.columns.created_at')}>{date(snapshot.created_at)}</DetailField>
          <DetailField label={t('volume-snapshots.detail.updated_at')}>{date(snapshot.updated_at)}</DetailField>
          <DetailField label={t('volume-snapshots.detail.project')}>{code(snapshot['os-extended-snapshot-attributes:project_id'])}</DetailField>
          <DetailField label={t('volume-snapshots.detail.user')}>{code(snapshot.user_id)}</DetailField>
          <DetailField label={t('volume-snapshots.detail.groupSnapshot')}>{code(snapshot.group_snapshot_id)}</DetailField>
          <DetailField label={t('volume-snapshots.detail.consumesQuota')}>{yesNo(snapshot.consumes_quota)}</DetailField>
        </dl>
      </DetailSection>
      <div className="grid gap-4 lg:grid-cols-2">
        <DetailSection title={t('volume-snapshots.detail.metadata')} testId="detail-metadata">
          {metadata.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('volume-snapshots.detail.noMetadata')}</p>
          ) : (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {metadata.map(([key, value]) => (
                <div key={key} className="contents" data-testid="metadata-row">
                  <dt className="font-mono text-xs text-fg-muted">{key}</dt>
                  <dd className="font-mono text-xs break-all">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </DetailSection>
        <DetailSection title={t('volume-snapshots.detail.volumesFrom')} testId="detail-volumes-from">
          {madeFrom.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('volume-snapshots.detail.noVolumesFrom')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {madeFrom.map((volume) => (
                <li key={volume.id} data-testid="volume-from-snapshot" data-volume-id={volume.id}>
                  <VolumeLink id={volume.id} volume={volume} />
                </li>
              ))}
            </ul>
          )}
        </DetailSection>
      </div>
    </div>
  );
}

export function SnapshotDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useVolumeSnapshot(id);
  // The snapshot, and the project's volumes (the snapshot's volume by name).
  const reads: PageReads = { commands: [['volume', 'snapshot', 'show', id]], requests: [volumeSnapshotPath(id), `${volumesPath}/detail`] };
  // A volume just made from this snapshot shows as it is created: the list is read again until none is creating.
  const volumes = useQuery({
    ...volumesQueryOptions(useScope()),
    refetchInterval: (current) =>
      current.state.data?.some((volume) => volume.snapshot_id === id && volume.status === 'creating') ? snapshotPollInterval : false,
  });
  const actions = useResourceActions({
    actions: snapshotActions,
    identify: identifySnapshot,
    onSucceeded: (_snapshot, action) => (action.id === 'delete' ? void navigate('/volumes/snapshots') : undefined),
  });

  return (
    <div className="px-6 py-6">
      <BackLink to="/volumes/snapshots">{t('volume-snapshots.detail.back')}</BackLink>
      <DetailState query={query} loading={t('volume-snapshots.detail.loading')} deleted={t('volume-snapshots.detail.deleted')} deletedTestId="snapshot-deleted">
        {(snapshot) => (
          <>
            <DetailHeader
              title={snapshot.name || snapshot.id}
              reads={reads}
              status={<SnapshotStatus status={snapshot.status} progress={snapshot['os-extended-snapshot-attributes:progress']} />}
              actions={
                <>
                  {snapshot.status === 'available' && (
                    <Link
                      to={launchFromSnapshotHref(snapshot)}
                      className="inline-flex items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-hover"
                      data-testid="launch-from-snapshot"
                    >
                      {t('volume-snapshots.detail.launch')}
                    </Link>
                  )}
                  <Menu
                    label={t('volume-snapshots.detail.actionsFor', { name: snapshot.name || snapshot.id })}
                    trigger={<span className="px-1 font-medium">{t('volume-snapshots.detail.actions')}</span>}
                    items={actions.menuItems(snapshot)}
                    testId="detail-actions"
                  />
                </>
              }
            />
            <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
            <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
              <Overview snapshot={snapshot} volumes={volumes.data ?? []} />
            </div>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
