// What an EC2 credential's creator must keep: its access key and secret (Zenith never shows the secret again), and
// an ec2rc exporting both, made in the browser from this answer.
import { useTranslation } from 'react-i18next';
import { answerTo } from '../../../lib/actions/run-action';
import type { ActionAnswerProps } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { downloadBlob } from '../../../lib/ui/download';
import { useSignedInSession } from '../../../resources/session/session-context';
import { createEc2CredentialRequest } from '../../../resources/ec2-credentials/ec2-credentials';
import { useCatalog } from '../catalog';
import { ec2rc, endpointUrl } from '../config-files';
import type { CredentialOwner } from '../credential-owner';
import { CopyableValue } from '../../../lib/ui/copy-button';
import { FileText } from './file-text';
import { ShownOnce } from './shown-once';

export function Ec2CredentialAnswer({ resource: owner, accepted }: ActionAnswerProps<CredentialOwner, undefined>) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const catalog = useCatalog().data;
  const credential = answerTo(accepted, createEc2CredentialRequest(owner.userId, owner.id))?.credential;
  if (!credential) return null;
  const entries = catalog?.entries ?? [];
  const text = ec2rc({
    access: credential.access,
    secret: credential.secret,
    projectName: owner.name,
    username: owner.userName,
    ec2Url: endpointUrl(entries, 'ec2', session.region, session.interface),
    s3Url: endpointUrl(entries, 's3', session.region, session.interface),
  });
  const fileName = `${owner.name}-ec2rc.sh`;
  return (
    <div className="space-y-4" data-testid="ec2-credential-created">
      <ShownOnce testId="ec2-shown-once">{t('api-access.ec2.shownOnce')}</ShownOnce>
      <CopyableValue label={t('api-access.ec2.access')} value={credential.access} testId="ec2-access" />
      <CopyableValue label={t('api-access.ec2.secret')} value={credential.secret} testId="ec2-secret" />
      <div>
        <div className="mb-1 flex items-center justify-between gap-2">
          <p className="text-sm font-medium text-fg">{fileName}</p>
          <Button variant="primary" onClick={() => downloadBlob(fileName, new Blob([text], { type: 'text/x-shellscript' }))} data-testid="download-ec2rc">
            {t('api-access.download', { file: fileName })}
          </Button>
        </div>
        <FileText text={text} label={fileName} testId="ec2rc-text" />
      </div>
    </div>
  );
}
