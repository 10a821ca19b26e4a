// One volume type as an admin manages it (deep link /admin/volume-types/<id>): its fields, extra specs, the projects
// given access to a private type (granted and revoked here), and the QoS specification associated with it.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { Button } from '../../../lib/ui/button';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import { useAllProjects } from '../../../resources/identity/identity';
import type { VolumeType } from '../../../resources/volume-types/types';
import type { PageReads } from '../../../lib/ui/api-reads';
import { qosSpecsPath, useQosSpecs, useVolumeType, useVolumeTypeAccess, volumeTypePath } from '../../../resources/volume-types/volume-types';
import { identifyVolumeType, revokeAccessAction, volumeTypeActions } from '../actions';
import { ExtraSpecList, TypeVisibility } from './type-visibility';

function AccessList({ type, onRevoke }: { type: VolumeType; onRevoke: (projectId: string) => void }) {
  const { t } = useTranslation();
  const access = useVolumeTypeAccess(type);
  const projects = useAllProjects();
  if (type.is_public) return <p className="text-sm text-fg-muted">{t('volume-types.access.publicType')}</p>;
  if (access.error) return <ErrorNotice error={access.error} onRetry={() => void access.refetch()} />;
  if (!access.data) return <LoadingState label={t('volume-types.access.loading')} />;
  if (access.data.length === 0) return <p className="text-sm text-fg-muted">{t('volume-types.access.none')}</p>;
  const nameOf = (id: string) => projects.data?.find((project) => project.id === id)?.name ?? id;
  return (
    <ul className="space-y-1 text-sm" data-testid="type-access">
      {access.data.map((entry) => (
        <li key={entry.project_id} className="flex items-center justify-between gap-3" data-testid="access-row" data-project-id={entry.project_id}>
          <span>
            {nameOf(entry.project_id)} <span className="font-mono text-xs text-fg-muted">{entry.project_id}</span>
          </span>
          <Button variant="ghost" onClick={() => onRevoke(entry.project_id)} data-testid="access-revoke">
            {t('volume-types.actions.revoke-access.label')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The QoS specification Cinder says the type is associated with (changed from the actions menu). */
function QosSpec({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const specs = useQosSpecs();
  if (!id) return <p className="text-sm text-fg-muted">{t('volume-types.qos.none')}</p>;
  const spec = specs.data?.find((candidate) => candidate.id === id);
  return (
    <dl className="grid gap-y-2 text-sm" data-testid="type-qos">
      <DetailField label={t('volume-types.qos.name')}>{spec?.name ?? id}</DetailField>
      {spec && <DetailField label={t('volume-types.qos.consumer')}>{spec.consumer}</DetailField>}
      {spec && (
        <DetailField label={t('volume-types.qos.specs')}>
          <ExtraSpecList specs={spec.specs} />
        </DetailField>
      )}
    </dl>
  );
}

export function VolumeTypeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useVolumeType(id);
  const reads: PageReads = {
    commands: [['volume', 'type', 'show', id], ['volume', 'qos', 'list']],
    requests: [volumeTypePath(id), `${volumeTypePath(id)}/os-volume-type-access`, qosSpecsPath, '/api/os/identity/projects'],
  };
  const actions = useResourceActions({
    actions: volumeTypeActions,
    identify: identifyVolumeType,
    onSucceeded: (_type, action) => (action.id === 'delete' ? void navigate('/admin/volume-types') : undefined),
  });

  return (
    <div className="px-6 py-6">
      <BackLink to="/admin/volume-types">{t('volume-types.admin.title')}</BackLink>
      <DetailState query={query} loading={t('volume-types.detail.loading')} deleted={t('volume-types.detail.deleted')} deletedTestId="type-deleted">
        {(type) => (
          <>
            <DetailHeader
              title={type.name}
              reads={reads}
              actions={
                <Menu
                  label={t('volume-types.detail.actionsFor', { name: type.name })}
                  trigger={<span className="px-1 font-medium">{t('volume-types.detail.actions')}</span>}
                  items={actions.menuItems(type)}
                  testId="detail-actions"
                />
              }
            />
            <div className="space-y-4">
              <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
              <DetailSection>
                <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
                  <DetailField label={t('volume-types.detail.id')}>
                    <code className="text-xs break-all select-all">{type.id}</code>
                  </DetailField>
                  <DetailField label={t('volume-types.columns.visibility')} testId="detail-visibility">
                    <TypeVisibility type={type} />
                  </DetailField>
                  <DetailField label={t('volume-types.columns.description')} testId="detail-description">{type.description || '—'}</DetailField>
                </dl>
              </DetailSection>
              <div className="grid gap-4 lg:grid-cols-3">
                <DetailSection title={t('volume-types.columns.extraSpecs')} testId="detail-extra-specs">
                  <ExtraSpecList specs={type.extra_specs} />
                </DetailSection>
                <DetailSection title={t('volume-types.access.title')} testId="detail-access">
                  <AccessList type={type} onRevoke={(projectId) => actions.trigger(revokeAccessAction(projectId), [type])} />
                </DetailSection>
                <DetailSection title={t('volume-types.qos.title')} testId="detail-qos">
                  <QosSpec id={type.qos_specs_id} />
                </DetailSection>
              </div>
            </div>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
