// One image (deep link /images/<id>): every property Glance returns (custom ones included), its checksums, its
// members when shared, the instances launched from it, and the same actions as the list's row menu.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import { identifyImage, imageActions, membershipActions, removeMemberAction } from '../actions';
import type { PageReads } from '../../../lib/ui/api-reads';
import { imagesPath, useImage } from '../../../resources/images/images';
import { imageMembersPath, useImageMembers } from '../../../resources/images/members';
import { customProperties, namedProperties } from '../properties';
import { formatBytes } from '../size';
import type { ImageRecord } from '../../../resources/images/types';
import { ImageStatusBadge } from '../../../resources/images/components/image-status';

function Members({ image, onRemove }: { image: ImageRecord; onRemove: (projectId: string) => void }) {
  const { t, i18n } = useTranslation();
  const scope = useScope();
  const members = useImageMembers(image.id, image.visibility === 'shared');
  if (image.visibility !== 'shared') return <p className="text-sm text-fg-muted">{t('images.members.notShared')}</p>;
  if (members.error) return <ErrorNotice error={members.error} onRetry={() => void members.refetch()} />;
  if (!members.data) return <LoadingState label={t('images.members.loading')} />;
  if (members.data.length === 0) return <p className="text-sm text-fg-muted">{t('images.members.none')}</p>;
  const owned = image.owner === scope.projectId;
  return (
    <table className="w-full text-sm" data-testid="members-table">
      <thead>
        <tr className="text-left text-xs text-fg-muted">
          <th scope="col" className="py-1 pr-3 font-medium">{t('images.members.project')}</th>
          <th scope="col" className="py-1 pr-3 font-medium">{t('images.columns.status')}</th>
          <th scope="col" className="py-1 pr-3 font-medium">{t('images.members.updated')}</th>
          {owned && <th scope="col"><span className="sr-only">{t('images.list.rowActionsColumn')}</span></th>}
        </tr>
      </thead>
      <tbody>
        {members.data.map((member) => (
          <tr key={member.member_id} className="border-t border-line" data-testid="member-row" data-member-id={member.member_id} data-status={member.status}>
            <td className="py-1.5 pr-3 font-mono text-xs">
              {member.member_id}
              {member.member_id === scope.projectId && <span className="ml-2 font-sans text-fg-muted">({t('images.members.you')})</span>}
            </td>
            <td className="py-1.5 pr-3">{t(`images.members.status.${member.status}`)}</td>
            <td className="py-1.5 pr-3 whitespace-nowrap">{new Date(member.updated_at).toLocaleString(i18n.resolvedLanguage)}</td>
            {owned && (
              <td className="py-1.5 text-right">
                <Button variant="ghost" onClick={() => onRemove(member.member_id)} data-testid="member-remove">
                  {t('images.actions.remove-member.label')}
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Overview({ image, onRemoveMember }: { image: ImageRecord; onRemoveMember: (projectId: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const date = (value: string) => new Date(value).toLocaleString(language);
  const code = (value: string | null | undefined, testId?: string) =>
    value ? <code className="text-xs break-all select-all" data-testid={testId}>{value}</code> : '—';
  const named = namedProperties.filter((key) => key !== 'name' && typeof image[key] === 'string');
  const custom = customProperties(image);
  return (
    <div className="space-y-4">
      <DetailSection title={t('images.detail.overview')}>
        <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
          <DetailField label={t('images.detail.id')}>{code(image.id)}</DetailField>
          <DetailField label={t('images.columns.status')} testId="detail-status">
            <ImageStatusBadge status={image.status} />
          </DetailField>
          <DetailField label={t('images.columns.visibility')} testId="detail-visibility">{t(`images.visibility.${image.visibility}`)}</DetailField>
          <DetailField label={t('images.columns.protected')} testId="detail-protected">{image.protected ? t('images.yes') : t('images.no')}</DetailField>
          <DetailField label={t('images.detail.owner')}>{code(image.owner)}</DetailField>
          <DetailField label={t('images.columns.disk_format')} testId="detail-disk-format">{image.disk_format ?? '—'}</DetailField>
          <DetailField label={t('images.detail.container_format')}>{image.container_format ?? '—'}</DetailField>
          <DetailField label={t('images.columns.size')}>
            {image.size === null ? '—' : `${formatBytes(image.size, language)} (${t('images.detail.bytes', { count: image.size })})`}
          </DetailField>
          <DetailField label={t('images.detail.virtual_size')}>{image.virtual_size ? formatBytes(image.virtual_size, language) : '—'}</DetailField>
          <DetailField label={t('images.columns.min_disk')} testId="detail-min-disk">{t('images.gib', { count: image.min_disk })}</DetailField>
          <DetailField label={t('images.columns.min_ram')} testId="detail-min-ram">{t('images.mib', { count: image.min_ram })}</DetailField>
          <DetailField label={t('images.columns.created_at')}>{date(image.created_at)}</DetailField>
          <DetailField label={t('images.detail.updated_at')}>{date(image.updated_at)}</DetailField>
          <DetailField label={t('images.detail.tags')}>{image.tags.length ? image.tags.join(', ') : '—'}</DetailField>
        </dl>
      </DetailSection>
      <DetailSection title={t('images.detail.checksums')} testId="detail-checksums">
        <dl className="grid gap-y-3">
          <DetailField label={t('images.detail.checksum')}>{code(image.checksum, 'detail-checksum')}</DetailField>
          <DetailField label={image.os_hash_algo ? t('images.detail.hashWith', { algo: image.os_hash_algo }) : t('images.detail.hash')}>
            {code(image.os_hash_value, 'detail-hash')}
          </DetailField>
        </dl>
      </DetailSection>
      <div className="grid gap-4 lg:grid-cols-2">
        <DetailSection title={t('images.detail.properties')} testId="detail-properties">
          {named.length + custom.length === 0 ? (
            <p className="text-sm text-fg-muted">{t('images.detail.noProperties')}</p>
          ) : (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {[...named.map((key) => [key, image[key] as string] as const), ...custom].map(([key, value]) => (
                <div key={key} className="contents" data-testid="property-row" data-key={key}>
                  <dt className="font-mono text-xs text-fg-muted">{key}</dt>
                  <dd className="font-mono text-xs break-all" data-testid={`property-value-${key}`}>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </DetailSection>
        <DetailSection title={t('images.detail.members')} testId="detail-members">
          <Members image={image} onRemove={onRemoveMember} />
        </DetailSection>
      </div>
    </div>
  );
}

export function ImageDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const scope = useScope();
  const query = useImage(id);
  const actions = useResourceActions({ actions: imageActions, identify: identifyImage });
  const image = query.data as ImageRecord | undefined;
  const reads: PageReads = {
    commands: [['image', 'show', id], ...(image?.visibility === 'shared' ? [['image', 'member', 'list', id]] : [])],
    requests: [`${imagesPath}/${encodeURIComponent(id)}`, imageMembersPath(id)],
  };

  return (
    <div className="px-6 py-6">
      <BackLink to="/images">{t('images.detail.back')}</BackLink>
      <DetailState query={{ data: image, error: query.error, refetch: query.refetch }} loading={t('images.detail.loading')} deleted={t('images.detail.deleted')} deletedTestId="image-deleted">
        {(image) => (
          <>
            <DetailHeader
              title={image.name || image.id}
              reads={reads}
              status={<ImageStatusBadge status={image.status} />}
              actions={
                <>
                  <Link to={`/instances?image=${encodeURIComponent(image.id)}`} className="text-sm text-brand hover:underline" data-testid="image-instances">
                    {t('images.detail.instances')}
                  </Link>
                  {image.status === 'active' && (
                    <Link
                      to={`/instances/launch?image=${encodeURIComponent(image.id)}`}
                      className="inline-flex items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-hover"
                      data-testid="launch-from-image"
                    >
                      {t('images.detail.launch')}
                    </Link>
                  )}
                  <Menu
                    label={t('images.detail.actions')}
                    trigger={<span className="px-1 font-medium">{t('images.detail.actions')}</span>}
                    items={actions.menuItems(image, [...imageActions, ...membershipActions(scope.projectId)])}
                    testId="detail-actions"
                  />
                </>
              }
            />
            <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
            <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
              <Overview image={image} onRemoveMember={(projectId) => actions.trigger(removeMemberAction(projectId), [image])} />
            </div>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
