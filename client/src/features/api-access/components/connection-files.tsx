// The top of the API access page: how the CLI and the SDKs reach this cloud as the signed-in user (Keystone's URL,
// user, project, region, interface) and the two files that carry it, clouds.yaml and openrc, made in the browser
// from the session and the catalog. Neither holds a password.
import type { CatalogResponse } from '@contract/catalog';
import type { SessionView } from '@contract/session';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { CliCommand } from '../../../lib/ui/cli-command';
import { downloadBlob } from '../../../lib/ui/download';
import { cloudName, cloudsYaml, openrc, type CloudProfile } from '../config-files';
import { CopyableValue } from '../../../lib/ui/copy-button';
import { FileText } from './file-text';

export function cloudProfile(session: SessionView, catalog: CatalogResponse): CloudProfile {
  return {
    authUrl: catalog.authUrl,
    username: session.user.name,
    userDomainName: session.user.domain.name,
    projectId: session.project.id,
    projectName: session.project.name,
    projectDomainName: session.project.domain.name,
    region: session.region,
    interface: session.interface,
  };
}

export const openrcFileName = (projectName: string) => `${projectName.replace(/[^A-Za-z0-9._-]+/g, '-')}-openrc.sh`;

export function ConnectionFiles({ session, catalog }: { session: SessionView; catalog: CatalogResponse }) {
  const { t } = useTranslation();
  const profile = cloudProfile(session, catalog);
  const name = cloudName(profile.projectName, profile.region);
  const yamlText = cloudsYaml(profile, name);
  const openrcText = openrc(profile);
  const openrcName = openrcFileName(profile.projectName);
  const facts: [string, string][] = [
    [t('api-access.connection.user'), `${profile.username} (${profile.userDomainName})`],
    [t('api-access.connection.project'), `${profile.projectName} (${profile.projectDomainName})`],
    [t('api-access.connection.projectId'), profile.projectId],
    [t('api-access.connection.region'), profile.region],
    [t('api-access.connection.interface'), profile.interface],
    [t('api-access.connection.identityVersion'), '3'],
  ];
  return (
    <section aria-labelledby="api-access-connection" className="mb-6 rounded-lg border border-line bg-surface p-4" data-testid="api-access-connection">
      <h2 id="api-access-connection" className="text-base font-semibold text-fg">
        {t('api-access.connection.title')}
      </h2>
      <p className="mt-1 mb-4 text-sm text-fg-muted">{t('api-access.connection.intro')}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <CopyableValue label={t('api-access.connection.authUrl')} value={profile.authUrl} testId="auth-url" />
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-fg-muted">{label}</dt>
                <dd className="font-mono text-xs break-all text-fg">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="space-y-3">
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" onClick={() => downloadBlob('clouds.yaml', new Blob([yamlText], { type: 'application/yaml' }))} data-testid="download-clouds-yaml">
              {t('api-access.download', { file: 'clouds.yaml' })}
            </Button>
            <Button onClick={() => downloadBlob(openrcName, new Blob([openrcText], { type: 'text/x-shellscript' }))} data-testid="download-openrc">
              {t('api-access.download', { file: openrcName })}
            </Button>
          </div>
          <p className="text-sm text-fg-muted">{t('api-access.connection.noPassword')}</p>
          <p className="text-sm text-fg-muted">{t('api-access.connection.cloudsYamlUse')}</p>
          <CliCommand commands={[['--os-cloud', name, 'server', 'list']]} testId="clouds-yaml-try" />
        </div>
      </div>
      <details className="mt-4 text-sm" data-testid="connection-files-preview">
        <summary className="cursor-pointer text-fg-muted hover:text-fg">{t('api-access.connection.preview')}</summary>
        <div className="mt-2 grid gap-3 lg:grid-cols-2">
          <div>
            <p className="mb-1 font-medium text-fg">clouds.yaml</p>
            <FileText text={yamlText} label="clouds.yaml" testId="clouds-yaml-text" />
          </div>
          <div>
            <p className="mb-1 font-medium text-fg">{openrcName}</p>
            <FileText text={openrcText} label={openrcName} testId="openrc-text" />
          </div>
        </div>
      </details>
    </section>
  );
}
