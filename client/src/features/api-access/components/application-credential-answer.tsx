// What an application credential's creator must keep: its id and secret (Keystone stores only a hash of the secret,
// so it is never readable again), and a clouds.yaml that signs in with them.
import { useTranslation } from 'react-i18next';
import { answerTo } from '../../../lib/actions/run-action';
import type { ActionAnswerProps } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { CliCommand } from '../../../lib/ui/cli-command';
import { downloadBlob } from '../../../lib/ui/download';
import { createApplicationCredentialRequest } from '../../../resources/application-credentials/application-credentials';
import { useSignedInSession } from '../../../resources/session/session-context';
import { createBody, type ApplicationCredentialDraft } from '../application-credential-draft';
import { useCatalog } from '../catalog';
import { applicationCredentialCloudsYaml, cloudName } from '../config-files';
import type { CredentialOwner } from '../credential-owner';
import { CopyableValue } from '../../../lib/ui/copy-button';
import { FileText } from './file-text';
import { ShownOnce } from './shown-once';

export function ApplicationCredentialAnswer({ resource: owner, input, accepted }: ActionAnswerProps<CredentialOwner, ApplicationCredentialDraft>) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const catalog = useCatalog().data;
  const credential = answerTo(accepted, createApplicationCredentialRequest(owner.userId, createBody(input)))?.application_credential;
  if (!credential) return null;
  const name = cloudName(credential.name, session.region);
  const text =
    catalog
      ? applicationCredentialCloudsYaml(
          { authUrl: catalog.authUrl, region: session.region, interface: session.interface, id: credential.id, name: credential.name, secret: credential.secret },
          name,
        )
      : undefined;
  return (
    <div className="space-y-4" data-testid="application-credential-created">
      <ShownOnce testId="application-credential-shown-once">{t('api-access.appCredentials.shownOnce')}</ShownOnce>
      <CopyableValue label={t('api-access.appCredentials.id')} value={credential.id} testId="application-credential-id" />
      <CopyableValue label={t('api-access.appCredentials.secret')} value={credential.secret} testId="application-credential-secret" />
      {text && (
        <div>
          <div className="mb-1 flex items-center justify-between gap-2">
            <p className="text-sm font-medium text-fg">clouds.yaml</p>
            <Button variant="primary" onClick={() => downloadBlob('clouds.yaml', new Blob([text], { type: 'application/yaml' }))} data-testid="download-application-credential-clouds-yaml">
              {t('api-access.download', { file: 'clouds.yaml' })}
            </Button>
          </div>
          <FileText text={text} label="clouds.yaml" testId="application-credential-clouds-yaml" />
          <p className="mt-3 mb-1 text-sm text-fg-muted">{t('api-access.appCredentials.tryIt')}</p>
          <CliCommand commands={[['--os-cloud', name, 'token', 'issue']]} testId="application-credential-try" />
        </div>
      )}
    </div>
  );
}
