// One flavor (deep link /flavors/<id>): sizes, extra specs, the projects of a private flavor, and the admin
// actions when the cloud's answer says the caller may manage flavors (see fetchFlavorManagement).
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { flavorAdminActions, identifyFlavor } from '../actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Menu } from '../../../lib/ui/menu';
import type { PageReads } from '../../../lib/ui/api-reads';
import { flavorPath, useFlavor, useFlavorAccess, useFlavorManagement } from '../../../resources/flavors/flavors';
import { useAllProjects } from '../../../resources/identity/identity';
import { ExtraSpecs, useFlavorSizes } from './flavor-sizes';

function AccessList({ projectIds }: { projectIds: string[] }) {
  const { t } = useTranslation();
  const projects = useAllProjects();
  if (projectIds.length === 0) return <p className="text-sm text-fg-muted">{t('flavors.detail.noAccess')}</p>;
  const nameOf = (id: string) => projects.data?.find((project) => project.id === id)?.name ?? id;
  return (
    <ul className="space-y-1 text-sm" data-testid="flavor-access">
      {projectIds.map((id) => (
        <li key={id}>
          {nameOf(id)} <span className="font-mono text-xs text-fg-muted">{id}</span>
        </li>
      ))}
    </ul>
  );
}

export function FlavorDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const flavor = useFlavor(id);
  const access = useFlavorAccess(id);
  const manageable = useFlavorManagement();
  const sizes = useFlavorSizes();
  const reads: PageReads = {
    commands: [['flavor', 'show', id]],
    requests: [flavorPath(id), `${flavorPath(id)}/os-flavor-access`, '/api/os/compute/os-hypervisors', '/api/os/identity/projects'],
  };
  const actions = useResourceActions({ actions: flavorAdminActions, identify: identifyFlavor, onSucceeded: (_, action) => (action.id === 'delete' ? void navigate('/flavors') : undefined) });

  return (
    <div className="px-6 py-6">
      <BackLink to="/flavors">{t('flavors.list.title')}</BackLink>
      <DetailState query={flavor} loading={t('flavors.detail.loading')} deleted={t('flavors.detail.deleted')} deletedTestId="flavor-deleted">
        {(shown) => (
          <>
            <DetailHeader
              title={shown.name}
              reads={reads}
              actions={
                manageable.data === true && (
                  <Menu label={t('flavors.detail.actionsFor', { name: shown.name })} items={actions.menuItems(shown)} testId="detail-actions" trigger={t('flavors.detail.actions')} />
                )
              }
            />
            <div className="space-y-4">
              <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
              <DetailSection>
                <dl className="grid gap-4 sm:grid-cols-3">
                  <DetailField label={t('flavors.columns.vcpus')} testId="detail-vcpus">{shown.vcpus}</DetailField>
                  <DetailField label={t('flavors.columns.ram')} testId="detail-ram">{sizes.ram(shown)}</DetailField>
                  <DetailField label={t('flavors.columns.disk')} testId="detail-disk">{sizes.disk(shown)}</DetailField>
                  <DetailField label={t('flavors.columns.ephemeral')}>{sizes.ephemeral(shown)}</DetailField>
                  <DetailField label={t('flavors.columns.swap')}>{sizes.swap(shown)}</DetailField>
                  <DetailField label={t('flavors.columns.rxtx')}>{shown.rxtx_factor ?? '—'}</DetailField>
                  <DetailField label={t('flavors.columns.public')} testId="detail-public">
                    {t(shown['os-flavor-access:is_public'] ? 'flavors.public' : 'flavors.private')}
                  </DetailField>
                  <DetailField label={t('flavors.detail.id')}>
                    <span className="font-mono text-xs">{shown.id}</span>
                  </DetailField>
                  <DetailField label={t('flavors.detail.description')}>{shown.description || '—'}</DetailField>
                </dl>
              </DetailSection>
              <DetailSection title={t('flavors.columns.extraSpecs')}>
                <ExtraSpecs specs={shown.extra_specs} />
              </DetailSection>
              {access.data && (
                <DetailSection title={t('flavors.detail.access')}>
                  <AccessList projectIds={access.data.map((entry) => entry.tenant_id)} />
                </DetailSection>
              )}
              {access.error && <ErrorNotice error={access.error} />}
              {manageable.error && <ErrorNotice error={manageable.error} />}
            </div>
          </>
        )}
      </DetailState>
      {actions.dialogElement}
    </div>
  );
}
