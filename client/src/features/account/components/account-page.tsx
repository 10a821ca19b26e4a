// The signed-in user's own account: who Keystone says they are and how this session was made, their password,
// and two-step sign-in (a TOTP authenticator, registered by the user and confirmed by one code).
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { useDateTimeFormat } from '../../../lib/format';
import { Button } from '../../../lib/ui/button';
import { CliCommand } from '../../../lib/ui/cli-command';
import { DetailSection } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Field, inputClass } from '../../../lib/ui/form-controls';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Notice } from '../../../lib/ui/notice';
import { PageHeader } from '../../../lib/ui/page-header';
import { Spinner } from '../../../lib/ui/spinner';
import { useSignedInSession } from '../../../resources/session/session-context';
import { useSignedInWith } from '../../../resources/session/signed-in-with';
import type { AccountView, TotpEnrollment } from '@contract/session';
import { identifyTotpCredential, removeTotpCredential } from '../actions';
import { useAccount, useChangePassword, useConfirmTotp, useStartTotp } from '../api';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-3 py-1.5 text-sm">
      <dt className="text-fg-muted">{label}</dt>
      <dd data-testid={testId} className="min-w-0 break-words text-fg">
        {children}
      </dd>
    </div>
  );
}

function PasswordInput({ id, label, value, onChange, autoComplete, error, hint }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: string;
  error?: string;
  hint?: string;
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        type="password"
        required
        autoComplete={autoComplete}
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      />
    </Field>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const change = useChangePassword({ username: session.user.name, userDomain: session.user.domain.name });
  const [form, setForm] = useState({ original: '', password: '', repeat: '' });
  const [submitted, setSubmitted] = useState(false);
  const mismatch = submitted && form.repeat !== form.password ? t('account.password.mismatch') : undefined;
  const set = (field: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (form.repeat !== form.password) return;
    change.mutate({ originalPassword: form.original, password: form.password });
  };

  return (
    <DetailSection title={t('account.password.title')} testId="account-password">
      <form onSubmit={submit} className="max-w-sm space-y-3" data-testid="change-password-form">
        <p className="text-sm text-fg-muted">{t('account.password.explain')}</p>
        {change.isError && <ErrorNotice error={change.error} />}
        <PasswordInput id="account-original-password" label={t('account.password.original')} value={form.original} onChange={set('original')} autoComplete="current-password" />
        <PasswordInput id="account-new-password" label={t('account.password.new')} value={form.password} onChange={set('password')} autoComplete="new-password" />
        <PasswordInput id="account-repeat-password" label={t('account.password.repeat')} value={form.repeat} onChange={set('repeat')} autoComplete="new-password" error={mismatch} />
        <Button type="submit" variant="primary" disabled={change.isPending} data-testid="change-password-submit">
          {change.isPending && <Spinner />}
          {t('account.password.submit')}
        </Button>
      </form>
    </DetailSection>
  );
}

function Enrollment({ enrollment, onDone, onCancel }: { enrollment: TotpEnrollment; onDone: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim(), { onSuccess: ({ id }) => onDone(id) });
  };
  return (
    <div className="space-y-4" data-testid="totp-enrollment">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-fg">
        <li>{t('account.totp.step1')}</li>
        <li>{t('account.totp.step2')}</li>
      </ol>
      <div className="flex flex-wrap items-start gap-6">
        {/* Dark modules on white in both themes: what authenticator cameras read best. */}
        <img
          src={enrollment.qrCode}
          alt={t('account.totp.qrAlt')}
          data-testid="totp-qr"
          className="size-48 rounded-md border border-line bg-white p-1"
        />
        <div className="min-w-0 flex-1 space-y-2">
          <p className="text-sm text-fg-muted">{t('account.totp.secretLabel')}</p>
          <code data-testid="totp-secret" className="block rounded-md border border-line bg-sunken px-3 py-2 font-mono text-sm tracking-wider break-all text-fg select-all">
            {enrollment.secret.match(/.{1,4}/g)?.join(' ')}
          </code>
          <p className="text-xs text-fg-muted">{t('account.totp.secretHint')}</p>
        </div>
      </div>
      <form onSubmit={submit} className="max-w-sm space-y-3" data-testid="totp-confirm-form">
        {confirm.isError && <ErrorNotice error={confirm.error} />}
        <Field id="account-totp-code" label={t('account.totp.code')} hint={t('account.totp.codeHint')}>
          <input
            id="account-totp-code"
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]{6}"
            maxLength={6}
            value={code}
            aria-describedby="account-totp-code-hint"
            onChange={(event) => setCode(event.target.value.replace(/\s/g, ''))}
            className={inputClass}
          />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={confirm.isPending} data-testid="totp-confirm">
            {confirm.isPending && <Spinner />}
            {t('account.totp.confirm')}
          </Button>
          <Button onClick={onCancel}>{t('account.totp.cancel')}</Button>
        </div>
      </form>
    </div>
  );
}

/** The user's TOTP credentials in Keystone (ids only), each with its removal. */
function Authenticators({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const actions = useResourceActions({ actions: [removeTotpCredential], identify: identifyTotpCredential });
  if (account.totpCredentials.length === 0 && actions.failures.length === 0) return null;
  return (
    <>
      <ul className="divide-y divide-line rounded-md border border-line" aria-label={t('account.totp.registered')}>
        {account.totpCredentials.map(({ id }) => (
          <li key={id} data-testid="totp-credential" className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
            <span className="min-w-0">
              <span className="text-fg-muted">{t('account.totp.credential')} </span>
              <code className="font-mono text-xs break-all">{id}</code>
            </span>
            <Button
              variant="ghost"
              data-testid="totp-remove"
              aria-label={t('account.totp.remove.named', { id })}
              onClick={() => actions.trigger(removeTotpCredential, [{ id, account }])}
            >
              {t('account.totp.remove.label')}
            </Button>
          </li>
        ))}
      </ul>
      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      {actions.dialogElement}
    </>
  );
}

function TwoStep({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [registered, setRegistered] = useState<string | null>(null);
  const { mfaRules, mfaEnabled } = account.user;
  const enforced = mfaEnabled && mfaRules.length > 0;
  return (
    <DetailSection title={t('account.totp.title')} testId="account-totp">
      <div className="space-y-3">
        <p className="text-sm text-fg-muted">{t('account.totp.explain')}</p>
        <dl>
          <Fact label={t('account.totp.registered')} testId="totp-count">
            {t('account.totp.count', { count: account.totpCredentials.length })}
          </Fact>
          <Fact label={t('account.totp.rules')} testId="mfa-rules">
            {enforced ? mfaRules.map((rule) => rule.join(' + ')).join(t('account.totp.or')) : t('account.totp.noRules')}
          </Fact>
        </dl>
        {!enforced && (
          <div className="space-y-1">
            <p className="text-xs text-fg-muted">{t('account.totp.adminSets')}</p>
            <CliCommand
              commands={[['user', 'set', '--multi-factor-auth-rule', 'password,totp', '--enable-multi-factor-auth', account.user.id]]}
              testId="mfa-cli"
            />
          </div>
        )}
        <Authenticators account={account} />
        {registered && (
          <Notice testId="totp-registered">{t('account.totp.done', { id: registered })}</Notice>
        )}
        {start.isError && <ErrorNotice error={start.error} />}
        {enrollment ? (
          <Enrollment
            enrollment={enrollment}
            onCancel={() => setEnrollment(null)}
            onDone={(id) => {
              setEnrollment(null);
              setRegistered(id);
            }}
          />
        ) : (
          <Button
            data-testid="totp-start"
            disabled={start.isPending}
            onClick={() => {
              setRegistered(null);
              start.mutate(undefined, { onSuccess: setEnrollment });
            }}
          >
            {start.isPending && <Spinner />}
            {t('account.totp.start')}
          </Button>
        )}
      </div>
    </DetailSection>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const account = useAccount();
  const signedInWith = useSignedInWith(session);
  const date = useDateTimeFormat();

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <div className="space-y-4">
        <DetailSection title={t('account.identity.title')} testId="account-identity">
          <dl>
            <Fact label={t('account.identity.name')} testId="account-name">
              {session.user.name}
            </Fact>
            <Fact label={t('account.identity.domain')}>{session.user.domain.name}</Fact>
            <Fact label={t('account.identity.id')}>
              <code className="font-mono text-xs">{session.user.id}</code>
            </Fact>
            {account.data?.user.email && <Fact label={t('account.identity.email')}>{account.data.user.email}</Fact>}
            {account.data && (
              <Fact label={t('account.identity.passwordExpires')}>
                {account.data.user.passwordExpiresAt ? date(account.data.user.passwordExpiresAt) : t('account.identity.never')}
              </Fact>
            )}
            <Fact label={t('user.signedInWith')} testId="account-signed-in-with">
              {signedInWith}
            </Fact>
            <Fact label={t('user.expires')}>
              <time dateTime={session.expiresAt}>{date(session.expiresAt)}</time>
            </Fact>
          </dl>
        </DetailSection>
        <ChangePassword />
        {account.isError && <ErrorNotice error={account.error} onRetry={() => void account.refetch()} />}
        {account.isPending && <LoadingState label={t('account.loading')} />}
        {account.data && <TwoStep account={account.data} />}
      </div>
    </div>
  );
}
