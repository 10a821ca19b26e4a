// Creating or importing a key pair without leaving the wizard. A created key's private half exists only in this
// component's state until it is downloaded (once), then it is dropped: Nova does not keep it, neither does Zenith.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Spinner } from '../../../lib/ui/spinner';
import { useGenerateKeypair, useImportKeypair } from '../../keypairs/api/keypairs';
import { Field, inputClass, textareaClass } from './form-controls';

type Mode = 'closed' | 'create' | 'import';

// Nova: 1-255 characters, letters, digits, spaces, '.', '_', '-', '@' (keypair name schema).
const keypairNamePattern = /^[a-zA-Z0-9 _.@-]{1,255}$/;

function downloadText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function KeypairInline({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('closed');
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [privateKey, setPrivateKey] = useState<{ name: string; key: string } | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const generate = useGenerateKeypair();
  const importKey = useImportKeypair();

  const checkName = () => {
    const valid = keypairNamePattern.test(name) && name.trim() === name;
    setNameError(valid ? undefined : t('launch-instance.keypair.nameInvalid'));
    return valid;
  };

  const create = async () => {
    if (!checkName()) return;
    const created = await generate.mutateAsync({ name }).catch(() => null);
    if (!created) return;
    setPrivateKey({ name: created.name, key: created.private_key });
    // The mutation's own copy of the key goes too.
    generate.reset();
    setMode('closed');
    setName('');
    onCreated(created.name);
  };

  const importPublicKey = async () => {
    if (!checkName()) return;
    const imported = await importKey.mutateAsync({ name, publicKey: publicKey.trim() }).catch(() => null);
    if (!imported) return;
    setMode('closed');
    setName('');
    setPublicKey('');
    onCreated(imported.name);
  };

  const download = () => {
    if (!privateKey) return;
    downloadText(`${privateKey.name}.pem`, privateKey.key);
    setDownloaded(privateKey.name);
    setPrivateKey(null);
  };

  const readPublicKeyFile = async (file: File | undefined) => {
    if (file) setPublicKey((await file.text()).trim());
  };

  return (
    <div className="space-y-3">
      {privateKey && (
        <div role="status" data-testid="private-key-download" className="rounded-md border border-warn-bar bg-surface p-3 text-sm text-fg">
          <p className="font-medium">{t('launch-instance.keypair.createdTitle', { name: privateKey.name })}</p>
          <p className="mt-1 text-fg-muted">{t('launch-instance.keypair.downloadOnce')}</p>
          <Button variant="primary" className="mt-2" onClick={download} data-testid="download-private-key">
            {t('launch-instance.keypair.download', { file: `${privateKey.name}.pem` })}
          </Button>
        </div>
      )}
      {downloaded && !privateKey && (
        <p role="status" className="text-sm text-fg-muted" data-testid="private-key-gone">
          {t('launch-instance.keypair.downloaded', { file: `${downloaded}.pem` })}
        </p>
      )}
      {mode === 'closed' ? (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setMode('create')} data-testid="keypair-create-open">
            {t('launch-instance.keypair.create')}
          </Button>
          <Button onClick={() => setMode('import')} data-testid="keypair-import-open">
            {t('launch-instance.keypair.import')}
          </Button>
        </div>
      ) : (
        <div className="space-y-3 rounded-md border border-line bg-sunken p-3">
          <Field id="keypair-name" label={t('launch-instance.keypair.name')} error={nameError}>
            <input
              id="keypair-name"
              className={inputClass}
              value={name}
              autoComplete="off"
              onChange={(event) => setName(event.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'keypair-name-error' : undefined}
            />
          </Field>
          {mode === 'import' && (
            <>
              <Field id="keypair-public-key" label={t('launch-instance.keypair.publicKey')} hint={t('launch-instance.keypair.publicKeyHint')}>
                <textarea
                  id="keypair-public-key"
                  rows={3}
                  className={`${textareaClass} font-mono text-xs`}
                  value={publicKey}
                  onChange={(event) => setPublicKey(event.target.value)}
                  aria-describedby="keypair-public-key-hint"
                />
              </Field>
              <label className="block text-sm text-fg">
                <span className="mr-2">{t('launch-instance.keypair.publicKeyFile')}</span>
                <input type="file" accept=".pub,text/plain" className="text-sm" onChange={(event) => void readPublicKeyFile(event.target.files?.[0])} />
              </label>
            </>
          )}
          {(mode === 'create' ? generate.error : importKey.error) && <ErrorNotice error={mode === 'create' ? generate.error : importKey.error} />}
          <div className="flex gap-2">
            <Button
              variant="primary"
              onClick={() => void (mode === 'create' ? create() : importPublicKey())}
              disabled={generate.isPending || importKey.isPending || (mode === 'import' && publicKey.trim() === '')}
              data-testid="keypair-submit"
            >
              {(generate.isPending || importKey.isPending) && <Spinner />}
              {t(mode === 'create' ? 'launch-instance.keypair.createSubmit' : 'launch-instance.keypair.importSubmit')}
            </Button>
            <Button
              onClick={() => {
                setMode('closed');
                generate.reset();
                importKey.reset();
                setNameError(undefined);
              }}
            >
              {t('launch-instance.keypair.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
