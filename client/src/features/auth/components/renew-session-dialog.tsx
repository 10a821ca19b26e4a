// Signing in again from the expiry warning, in a dialog over the page: the way the session was made (a password, then
// a TOTP code when Keystone asks for one; or the secret of the session's application credential). The page behind
// keeps its route, its forms and its data; a refusal is shown here with its request id, and what was typed stays.
import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/api-error';
import { Dialog } from '../../../lib/ui/dialog';
import { DialogFooter } from '../../../lib/ui/dialog-footer';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { describedBy, Field, inputClass } from '../../../lib/ui/form-controls';
import { isChallenge } from '../../../resources/session/login';
import { useRenewSession, type RenewRequest } from '../../../resources/session/renew';
import { useSignedInSession } from '../../../resources/session/session-context';
import type { LoginChallenge } from '@contract/session';
import { totpCodeInput, typedCode } from './totp-code';

function Input({ id, label, hint, ...input }: { id: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input id={id} aria-describedby={describedBy(id, { hint: hint !== undefined })} className={inputClass} {...input} />
    </Field>
  );
}

const noAutoFix = { autoCapitalize: 'none', spellCheck: false } as const;

export function RenewSessionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const credential = session.signIn.applicationCredential;
  const renew = useRenewSession();
  const formId = useId();
  const [form, setForm] = useState({ username: session.user.name, userDomain: session.user.domain.name, password: '', secret: '' });
  const [challenge, setChallenge] = useState<LoginChallenge | null>(null);
  const [passcode, setPasscode] = useState('');
  const update = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: RenewRequest = challenge
      ? { step: 'totp', passcode: passcode.trim() }
      : credential
        ? { step: 'credentials', input: { method: 'application_credential', secret: form.secret } }
        : {
            step: 'credentials',
            input: { method: 'password', username: form.username.trim(), userDomain: form.userDomain.trim() || 'Default', password: form.password },
          };
    renew.mutate(request, {
      onSuccess: (answer) => {
        if (!isChallenge(answer)) return onClose();
        setPasscode('');
        setChallenge(answer);
        renew.reset();
      },
      onError: (error) => {
        // The receipt ran out: back to the password, which the form still holds.
        if (error instanceof ApiError && error.code === 'login_restart') setChallenge(null);
      },
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      testId="renew-session-dialog"
      title={challenge ? t('auth.totp.title') : t('auth.renew.title')}
      description={
        challenge
          ? t('auth.totp.prompt', { user: challenge.user.name, domain: challenge.user.domain })
          : t('auth.renew.explain', { project: session.project.name, region: session.region })
      }
      footer={
        <DialogFooter
          cancelLabel={t('actions.cancel')}
          onCancel={onClose}
          formId={formId}
          submitLabel={challenge ? t('auth.totp.submit') : t('auth.renew.submit')}
          pending={renew.isPending}
          submitTestId="renew-session-submit"
        />
      }
    >
      <form id={formId} onSubmit={submit} className="space-y-4" aria-busy={renew.isPending}>
        {renew.isError && <ErrorNotice error={renew.error} />}
        {challenge ? (
          <Input
            id="renew-totp"
            label={t('auth.totp.code')}
            hint={t('auth.totp.codeHint')}
            {...totpCodeInput}
            value={passcode}
            onChange={(event) => setPasscode(typedCode(event.target.value))}
          />
        ) : credential ? (
          <>
            <p className="text-sm text-fg" data-testid="renew-credential">
              {t('auth.renew.credential', { name: credential.name })}
            </p>
            <Input id="renew-secret" label={t('auth.appCred.secret')} type="password" autoComplete="off" required autoFocus value={form.secret} onChange={update('secret')} />
          </>
        ) : (
          <>
            <Input id="renew-username" label={t('auth.login.username')} autoComplete="username" {...noAutoFix} required value={form.username} onChange={update('username')} />
            <Input id="renew-domain" label={t('auth.login.domain')} {...noAutoFix} required value={form.userDomain} onChange={update('userDomain')} />
            <Input
              id="renew-password"
              label={t('auth.login.password')}
              type="password"
              autoComplete="current-password"
              required
              autoFocus
              value={form.password}
              onChange={update('password')}
            />
          </>
        )}
        <p role="status" className="sr-only">
          {renew.isPending ? t('auth.login.pending') : ''}
        </p>
      </form>
    </Dialog>
  );
}
