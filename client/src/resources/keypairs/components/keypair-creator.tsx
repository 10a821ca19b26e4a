// Creating or importing a key pair (the createKeypair action), on the key pairs page and inside the launch wizard.
// A created key's private half exists only in this component's state until it is downloaded (once), then it is
// dropped: Nova does not keep it, neither does Zenith. An imported public key is checked here before it is sent. Once
// the cloud refused the create by policy in this scope, both buttons are greyed with its reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { answerTo } from '../../../lib/actions/run-action';
import { useActionSubmission } from '../../../lib/actions/use-action-runner';
import { projectTarget } from '../../../lib/actions/use-resource-actions';
import { ActionButtons } from '../../../lib/capabilities/action-button';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { describedBy, Field, inputClass, textareaClass } from '../../../lib/ui/form-controls';
import { Spinner } from '../../../lib/ui/spinner';
import { downloadBlob } from '../../../lib/ui/download';
import { createKeypair, keypairCreateRequest, type KeypairCreation } from '../keypairs';
import { publicKeyProblem } from '../public-key';
import type { KeypairType } from '../types';

type Mode = 'closed' | 'create' | 'import';

// Nova: 1-255 characters, letters, digits, spaces, '.', '_', '-', '@' (keypair name schema).
const keypairNamePattern = /^[a-zA-Z0-9 _.@-]{1,255}$/;

interface PrivateKey {
  name: string;
  type: KeypairType;
  key: string;
}

// Nova hands an ssh private key out as PEM text, an x509 one as base64 of a PKCS#12 bundle (for WinRM): saved
// as the binary .p12 that tools expect.
const privateKeyFileName = ({ name, type }: PrivateKey) => `${name}.${type === 'x509' ? 'p12' : 'pem'}`;

function downloadPrivateKey(privateKey: PrivateKey) {
  const blob =
    privateKey.type === 'x509'
      ? new Blob([Uint8Array.from(atob(privateKey.key.replace(/\s/g, '')), (char) => char.charCodeAt(0))], { type: 'application/x-pkcs12' })
      : new Blob([privateKey.key], { type: 'application/x-pem-file' });
  downloadBlob(privateKeyFileName(privateKey), blob);
}

export function KeypairCreator({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('closed');
  const [name, setName] = useState('');
  const [type, setType] = useState<KeypairType>('ssh');
  const [publicKey, setPublicKey] = useState('');
  const [publicKeyFile, setPublicKeyFile] = useState<string>();
  const [nameError, setNameError] = useState<string>();
  const [keyError, setKeyError] = useState<string>();
  const [privateKey, setPrivateKey] = useState<PrivateKey | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const project = projectTarget(useScope());
  const submission = useActionSubmission(createKeypair);
  const creation: KeypairCreation = mode === 'import' ? { name, type, publicKey: publicKey.trim(), publicKeyFile } : { name, type };

  const checkName = () => {
    const valid = keypairNamePattern.test(name) && name.trim() === name;
    setNameError(valid ? undefined : t('resources.keypairs.form.nameInvalid'));
    return valid;
  };

  const checkPublicKey = () => {
    const problem = publicKeyProblem(publicKey, type);
    setKeyError(problem ? t(`resources.keypairs.form.keyProblem.${problem}`) : undefined);
    return problem === null;
  };

  const close = () => {
    setMode('closed');
    setName('');
    setPublicKey('');
    setPublicKeyFile(undefined);
    setNameError(undefined);
    setKeyError(undefined);
    // The last attempt goes too: its error, and its answer (a private key, already taken below).
    submission.reset();
  };

  const submit = async () => {
    const nameValid = checkName();
    if (mode === 'import' && !checkPublicKey()) return;
    if (!nameValid) return;
    const outcome = await submission.submit(project, creation);
    const created = answerTo(outcome.accepted, keypairCreateRequest(creation))?.keypair;
    if (outcome.status === 'failed' || !created) return;
    if ('private_key' in created) {
      setPrivateKey({ name: created.name, type, key: created.private_key });
      setDownloaded(null);
    }
    close();
    onCreated(created.name);
  };

  const download = () => {
    if (!privateKey) return;
    downloadPrivateKey(privateKey);
    setDownloaded(privateKeyFileName(privateKey));
    setPrivateKey(null);
  };

  const readPublicKeyFile = async (file: File | undefined) => {
    if (!file) return;
    setPublicKey((await file.text()).trim());
    setPublicKeyFile(file.name);
  };

  return (
    <div className="space-y-3">
      {privateKey && (
        <div role="status" data-testid="private-key-download" className="rounded-md border border-warn-bar bg-surface p-3 text-sm text-fg">
          <p className="font-medium">{t('resources.keypairs.form.createdTitle', { name: privateKey.name })}</p>
          <p className="mt-1 text-fg-muted">{t('resources.keypairs.form.downloadOnce')}</p>
          <Button variant="primary" className="mt-2" onClick={download} data-testid="download-private-key">
            {t('resources.keypairs.form.download', { file: privateKeyFileName(privateKey) })}
          </Button>
        </div>
      )}
      {downloaded && !privateKey && (
        <p role="status" className="text-sm text-fg-muted" data-testid="private-key-gone">
          {t('resources.keypairs.form.downloaded', { file: downloaded })}
        </p>
      )}
      {mode === 'closed' ? (
        <div className="flex flex-wrap gap-2">
          <ActionButtons
            action={createKeypair}
            align="start"
            buttons={[
              { onClick: () => setMode('create'), 'data-testid': 'keypair-create-open', children: t('resources.keypairs.form.create') },
              { onClick: () => setMode('import'), 'data-testid': 'keypair-import-open', children: t('resources.keypairs.form.import') },
            ]}
          />
        </div>
      ) : (
        <div className="space-y-3 rounded-md border border-line bg-sunken p-3" data-testid={`keypair-${mode}-form`}>
          <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
            <Field id="keypair-name" label={t('resources.keypairs.form.name')} error={nameError}>
              <input
                id="keypair-name"
                className={inputClass}
                value={name}
                autoComplete="off"
                onChange={(event) => setName(event.target.value)}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={describedBy('keypair-name', { error: nameError !== undefined })}
              />
            </Field>
            <Field id="keypair-type" label={t('resources.keypairs.form.type')}>
              <select
                id="keypair-type"
                className={inputClass}
                value={type}
                onChange={(event) => setType(event.target.value as KeypairType)}
                data-testid="keypair-type"
              >
                <option value="ssh">{t('resources.keypairs.type.ssh')}</option>
                <option value="x509">{t('resources.keypairs.type.x509')}</option>
              </select>
            </Field>
          </div>
          {mode === 'import' && (
            <>
              <Field
                id="keypair-public-key"
                label={t('resources.keypairs.form.publicKey')}
                hint={t(type === 'ssh' ? 'resources.keypairs.form.publicKeyHint' : 'resources.keypairs.form.certificateHint')}
                error={keyError}
              >
                <textarea
                  id="keypair-public-key"
                  rows={4}
                  className={`${textareaClass} font-mono text-xs`}
                  value={publicKey}
                  spellCheck={false}
                  onChange={(event) => setPublicKey(event.target.value)}
                  aria-invalid={keyError ? true : undefined}
                  aria-describedby={describedBy('keypair-public-key', { hint: true, error: keyError !== undefined })}
                />
              </Field>
              <label className="block text-sm text-fg">
                <span className="mr-2">{t('resources.keypairs.form.publicKeyFile')}</span>
                <input
                  type="file"
                  accept=".pub,.pem,.crt,text/plain"
                  className="text-sm"
                  data-testid="keypair-public-key-file"
                  onChange={(event) => void readPublicKeyFile(event.target.files?.[0])}
                />
              </label>
            </>
          )}
          {submission.error !== null && <ErrorNotice error={submission.error} />}
          <div className="flex gap-2">
            <Button variant="primary" onClick={() => void submit()} disabled={submission.pending} data-testid="keypair-submit">
              {submission.pending && <Spinner />}
              {t(mode === 'create' ? 'resources.keypairs.form.createSubmit' : 'resources.keypairs.form.importSubmit')}
            </Button>
            <Button onClick={close}>{t('resources.keypairs.form.cancel')}</Button>
          </div>
          <ActionApiViews commands={createKeypair.cli(project, creation)} requests={() => createKeypair.request(project, creation)} />
        </div>
      )}
    </div>
  );
}
