// /api-access: the way from the dashboard to the API. The session's catalog (every service, region and interface),
// clouds.yaml and openrc for the signed-in user, project and region (no password inside), and the credentials a
// script uses instead of a password: EC2 credentials and application credentials, their secrets shown once.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../../lib/scope';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { PageHeader } from '../../../lib/ui/page-header';
import { Tabs, useTabParam } from '../../../lib/ui/tabs';
import { useProjects } from '../../../resources/session/projects';
import { useSignedInSession } from '../../../resources/session/session-context';
import { useCatalog } from '../catalog';
import { credentialOwner } from '../credential-owner';
import { ApplicationCredentialsSection } from './application-credentials-section';
import { CatalogTable } from './catalog-table';
import { ConnectionFiles } from './connection-files';
import { Ec2CredentialsSection } from './ec2-credentials-section';

const tabs = ['endpoints', 'ec2', 'application-credentials'] as const;

export function ApiAccessPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const scope = useScope();
  const catalog = useCatalog();
  const projects = useProjects();
  const [tab, selectTab] = useTabParam(tabs);
  const owner = useMemo(() => credentialOwner(session), [session]);
  const names = useMemo(() => new Map(projects.data?.map((project) => [project.id, project.name])), [projects.data]);
  const projectName = useCallback(
    (id: string | null) => (id === null ? '—' : id === scope.projectId ? scope.projectName : (names.get(id) ?? id)),
    [names, scope.projectId, scope.projectName],
  );

  return (
    <div className="px-6 py-6">
      <PageHeader
        title={t('api-access.title')}
        subtitle={t('api-access.subtitle', { user: session.user.name, project: session.project.name, region: session.region })}
      />
      {catalog.error ? (
        <ErrorNotice error={catalog.error} onRetry={() => void catalog.refetch()} className="mb-6" />
      ) : catalog.data ? (
        <ConnectionFiles session={session} catalog={catalog.data} />
      ) : (
        <LoadingState label={t('api-access.catalog.loading')} className="mb-6" />
      )}
      <Tabs tabs={tabs} current={tab} onSelect={selectTab} label={t('api-access.title')} tabLabel={(name) => t(`api-access.tabs.${name}`)}>
        {tab === 'endpoints' && catalog.data && <CatalogTable catalog={catalog.data} />}
        {tab === 'ec2' && <Ec2CredentialsSection owner={owner} projectName={projectName} />}
        {tab === 'application-credentials' && <ApplicationCredentialsSection owner={owner} projectName={projectName} />}
      </Tabs>
    </div>
  );
}
