// One flavor (deep link /flavors/<id>): sizes, extra specs, the projects of a private flavor, and the admin
// actions when the cloud's answer says the caller may manage flavors (see fetchFlavorManagement).
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { flavorAdminActions, identifyFlavor } from '../actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { BackLink, DetailField } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import { useFlavor, useFlavorAccess, useFlavorManagement } from '../../../resources/flavors/flavors';
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
  const actions = useResourceActions({ actions: flavorAdminActions, identify: identifyFlavor, onSucceeded: (_, action) => (action.id === 'delete' ? void navigate('/flavors') : undefined) });

  return (
    <div className="space-y-4 px-6 py-6">
      <BackLink to="/flavors">{t('flavors.list.title')}</BackLink>
      {flavor.error ? (
        <ErrorNotice error={flavor.error} onRetry={() => void flavor.refetch()} />
      ) : flavor.isPending ? (
        <LoadingState label={t('flavors.detail.loading')} />
      ) : (
        <>
          <div className="flex items-start justify-between gap-4">
            <h1 className="text-xl font-semibold break-all text-fg" data-testid="detail-name">
              {flavor.data.name}
            </h1>
            {manageable.data === true && (
              <Menu label={t('flavors.detail.actionsFor', { name: flavor.data.name })} items={actions.menuItems(flavor.data)} testId="detail-actions" trigger={t('flavors.detail.actions')} />
            )}
          </div>
          <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
          <section className="rounded-lg border border-line bg-surface p-4">
            <dl className="grid gap-4 sm:grid-cols-3">
              <DetailField label={t('flavors.columns.vcpus')} testId="detail-vcpus">{flavor.data.vcpus}</DetailField>
              <DetailField label={t('flavors.columns.ram')} testId="detail-ram">{sizes.ram(flavor.data)}</DetailField>
              <DetailField label={t('flavors.columns.disk')} testId="detail-disk">{sizes.disk(flavor.data)}</DetailField>
              <DetailField label={t('flavors.columns.ephemeral')}>{sizes.ephemeral(flavor.data)}</DetailField>
              <DetailField label={t('flavors.columns.swap')}>{sizes.swap(flavor.data)}</DetailField>
              <DetailField label={t('flavors.columns.rxtx')}>{flavor.data.rxtx_factor ?? '—'}</DetailField>
              <DetailField label={t('flavors.columns.public')} testId="detail-public">
                {t(flavor.data['os-flavor-access:is_public'] ? 'flavors.public' : 'flavors.private')}
              </DetailField>
              <DetailField label={t('flavors.detail.id')}>
                <span className="font-mono text-xs">{flavor.data.id}</span>
              </DetailField>
              <DetailField label={t('flavors.detail.description')}>{flavor.data.description || '—'}</DetailField>
            </dl>
          </section>
          <section className="rounded-lg border border-line bg-surface p-4">
            <h2 className="mb-2 text-sm font-semibold text-fg">{t('flavors.columns.extraSpecs')}</h2>
            <ExtraSpecs specs={flavor.data.extra_specs} />
          </section>
          {access.data && (
            <section className="rounded-lg border border-line bg-surface p-4">
              <h2 className="mb-2 text-sm font-semibold text-fg">{t('flavors.detail.access')}</h2>
              <AccessList projectIds={access.data.map((entry) => entry.tenant_id)} />
            </section>
          )}
          {access.error && <ErrorNotice error={access.error} />}
          {manageable.error && <ErrorNotice error={manageable.error} />}
        </>
      )}
      {actions.dialogElement}
    </div>
  );
}
