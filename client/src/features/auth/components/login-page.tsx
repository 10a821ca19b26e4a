// The ways in: a Keystone user's password (then a TOTP code when the user's multi-factor rules want one), or an
// application credential. The page returns to the deep link the user came from.
import clsx from 'clsx';
import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api/api-error';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { ZenithMark } from '../../../lib/ui/icons';
import { Notice } from '../../../lib/ui/notice';
import { LanguageSwitch, ThemeSwitch } from '../../../lib/ui/preference-switches';
import { Spinner } from '../../../lib/ui/spinner';
import { isChallenge, useLogin, type SignInAnswer, type SignInRequest } from '../../../resources/session/login';
import { readLoginState, type LoginNotice } from '../../../resources/session/login-state';
import type { LoginChallenge } from '@contract/session';
import { totpCodeInput, typedCode } from './totp-code';

function Field({ label, hint, id, ...input }: { label: string; hint?: string; id: string } & InputHTMLAttributes<HTMLInputElement>) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="text-sm font-medium text-fg">
          {label}
        </label>
        {hint && (
          <span id={hintId} className="text-xs text-fg-muted">
            {hint}
          </span>
        )}
      </div>
      <input
        id={id}
        aria-describedby={hintId}
        className="block h-9 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-fg placeholder:text-fg-muted focus-visible:border-focus focus-visible:outline-1"
        {...input}
      />
    </div>
  );
}

function NoticeText({ notice }: { notice: LoginNotice }) {
  const { t } = useTranslation();
  if (notice.kind === 'sessionEnded') {
    return (
      <>
        <p>{t('auth.notice.sessionEnded')}</p>
        <p className="mt-0.5 text-fg-muted">{t('auth.notice.sessionEndedReason', { message: notice.message })}</p>
      </>
    );
  }
  return <>{t(`auth.notice.${notice.kind}`)}</>;
}

type Method = 'password' | 'applicationCredential';

function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <Button type="submit" variant="primary" disabled={pending} aria-busy={pending} className="h-9 w-full">
      {pending && <Spinner />}
      {children}
    </Button>
  );
}

const noAutoFix = { autoCapitalize: 'none', spellCheck: false } as const;

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { from, notice, account } = readLoginState(location.state);
  const login = useLogin();
  const [method, setMethod] = useState<Method>('password');
  const [challenge, setChallenge] = useState<LoginChallenge | null>(null);
  const [form, setForm] = useState({
    username: account?.username ?? '',
    password: '',
    userDomain: account?.userDomain ?? 'Default',
    project: '',
  });
  const [credential, setCredential] = useState({ by: 'id' as 'id' | 'name', id: '', name: '', username: '', userDomain: 'Default', secret: '' });
  const [passcode, setPasscode] = useState('');
  const update = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const updateCredential = (field: keyof typeof credential) => (event: { target: { value: string } }) =>
    setCredential((current) => ({ ...current, [field]: event.target.value }));

  const send = (request: SignInRequest) =>
    login.mutate(request, {
      onSuccess: (answer: SignInAnswer) => {
        if (isChallenge(answer)) {
          setPasscode('');
          setChallenge(answer);
        } else {
          void navigate(from ?? '/', { replace: true });
        }
      },
      onError: (error) => {
        // The receipt ran out (or the BFF lost it): back to the password, which the form still holds.
        if (error instanceof ApiError && error.code === 'login_restart') setChallenge(null);
      },
    });

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    send({
      method: 'password',
      input: {
        username: form.username.trim(),
        password: form.password,
        userDomain: form.userDomain.trim() || 'Default',
        project: form.project.trim() || undefined,
      },
    });
  };

  const submitCredential = (event: FormEvent) => {
    event.preventDefault();
    const secret = credential.secret;
    send({
      method: 'applicationCredential',
      input:
        credential.by === 'id'
          ? { id: credential.id.trim(), secret }
          : { name: credential.name.trim(), username: credential.username.trim(), userDomain: credential.userDomain.trim() || 'Default', secret },
    });
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    send({ method: 'totp', passcode: passcode.trim() });
  };

  const startOver = () => {
    login.reset();
    setChallenge(null);
  };

  const chooseMethod = (next: Method) => {
    login.reset();
    setMethod(next);
  };

  const formClass = 'space-y-4 rounded-xl border border-line bg-surface p-6 shadow-sm';
  const showNotice = notice && !login.isError && !challenge;

  return (
    <div className="flex min-h-screen flex-col bg-page">
      <main className="flex flex-1 items-center justify-center px-4 py-10">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex flex-col items-center gap-3 text-center">
            <ZenithMark className="size-10" />
            <div>
              <h1 className="text-xl font-semibold text-fg">{t('auth.login.title')}</h1>
              <p className="mt-1 text-sm text-fg-muted">{t('auth.login.subtitle')}</p>
            </div>
          </div>

          {challenge ? (
            <form onSubmit={submitCode} aria-labelledby="totp-heading" data-testid="totp-form" className={formClass}>
              <div>
                <h2 id="totp-heading" className="text-base font-semibold text-fg">
                  {t('auth.totp.title')}
                </h2>
                <p className="mt-1 text-sm text-fg-muted">
                  {t('auth.totp.prompt', { user: challenge.user.name, domain: challenge.user.domain })}
                </p>
              </div>
              {login.isError && <ErrorNotice error={login.error} />}
              <Field
                id="login-totp"
                label={t('auth.totp.code')}
                hint={t('auth.totp.codeHint')}
                name="totp"
                {...totpCodeInput}
                value={passcode}
                onChange={(event) => setPasscode(typedCode(event.target.value))}
              />
              <SubmitButton pending={login.isPending}>{t('auth.totp.submit')}</SubmitButton>
              <button
                type="button"
                onClick={startOver}
                data-testid="totp-start-over"
                className="w-full rounded-md py-1 text-sm text-fg-muted hover:text-fg"
              >
                {t('auth.totp.startOver')}
              </button>
              <p role="status" className="sr-only">
                {login.isPending ? t('auth.totp.pending') : ''}
              </p>
            </form>
          ) : (
            <div className={formClass}>
              <div role="tablist" aria-label={t('auth.login.methods')} className="-mt-1 grid grid-cols-2 gap-1 rounded-md bg-sunken p-1">
                {(['password', 'applicationCredential'] as const).map((name) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    id={`login-tab-${name}`}
                    aria-selected={method === name}
                    aria-controls="login-method-panel"
                    data-testid={`login-method-${name}`}
                    onClick={() => chooseMethod(name)}
                    className={clsx(
                      'rounded px-2 py-1.5 text-xs font-medium',
                      method === name ? 'bg-surface text-fg shadow-sm' : 'text-fg-muted hover:text-fg',
                    )}
                  >
                    {t(`auth.login.method.${name}`)}
                  </button>
                ))}
              </div>
              <div role="tabpanel" id="login-method-panel" aria-labelledby={`login-tab-${method}`}>
                {method === 'password' ? (
                  <form onSubmit={submitPassword} aria-labelledby="login-heading" data-testid="login-form" className="space-y-4">
                    <h2 id="login-heading" className="sr-only">
                      {t('auth.login.title')}
                    </h2>
                    {showNotice && (
                      <Notice testId="login-notice">
                        <NoticeText notice={notice} />
                      </Notice>
                    )}
                    {login.isError && <ErrorNotice error={login.error} />}
                    <Field
                      id="login-username"
                      label={t('auth.login.username')}
                      name="username"
                      autoComplete="username"
                      {...noAutoFix}
                      required
                      autoFocus
                      value={form.username}
                      onChange={update('username')}
                    />
                    <Field
                      id="login-password"
                      label={t('auth.login.password')}
                      name="password"
                      type="password"
                      autoComplete="current-password"
                      required
                      value={form.password}
                      onChange={update('password')}
                    />
                    <Field
                      id="login-domain"
                      label={t('auth.login.domain')}
                      name="domain"
                      {...noAutoFix}
                      required
                      value={form.userDomain}
                      onChange={update('userDomain')}
                    />
                    <Field
                      id="login-project"
                      label={t('auth.login.project')}
                      hint={t('auth.login.optional')}
                      name="project"
                      {...noAutoFix}
                      placeholder={t('auth.login.projectPlaceholder')}
                      value={form.project}
                      onChange={update('project')}
                    />
                    <SubmitButton pending={login.isPending}>{t('auth.login.submit')}</SubmitButton>
                  </form>
                ) : (
                  <form onSubmit={submitCredential} aria-labelledby="appcred-heading" data-testid="appcred-form" className="space-y-4">
                    <h2 id="appcred-heading" className="sr-only">
                      {t('auth.appCred.title')}
                    </h2>
                    {showNotice && (
                      <Notice testId="login-notice">
                        <NoticeText notice={notice} />
                      </Notice>
                    )}
                    {login.isError && <ErrorNotice error={login.error} />}
                    <p className="text-xs text-fg-muted">{t('auth.appCred.explain')}</p>
                    <fieldset className="flex gap-4 text-sm text-fg">
                      <legend className="sr-only">{t('auth.appCred.by')}</legend>
                      {(['id', 'name'] as const).map((by) => (
                        <label key={by} className="flex items-center gap-1.5">
                          <input
                            type="radio"
                            name="appcred-by"
                            value={by}
                            checked={credential.by === by}
                            onChange={() => setCredential((current) => ({ ...current, by }))}
                          />
                          {t(`auth.appCred.by_${by}`)}
                        </label>
                      ))}
                    </fieldset>
                    {credential.by === 'id' ? (
                      <Field id="appcred-id" label={t('auth.appCred.id')} name="appcred-id" {...noAutoFix} required autoFocus value={credential.id} onChange={updateCredential('id')} />
                    ) : (
                      <>
                        <Field id="appcred-name" label={t('auth.appCred.name')} name="appcred-name" {...noAutoFix} required value={credential.name} onChange={updateCredential('name')} />
                        <Field id="appcred-user" label={t('auth.appCred.username')} name="appcred-user" autoComplete="username" {...noAutoFix} required value={credential.username} onChange={updateCredential('username')} />
                        <Field id="appcred-domain" label={t('auth.login.domain')} name="appcred-domain" {...noAutoFix} required value={credential.userDomain} onChange={updateCredential('userDomain')} />
                      </>
                    )}
                    <Field
                      id="appcred-secret"
                      label={t('auth.appCred.secret')}
                      name="appcred-secret"
                      type="password"
                      autoComplete="off"
                      required
                      value={credential.secret}
                      onChange={updateCredential('secret')}
                    />
                    <SubmitButton pending={login.isPending}>{t('auth.login.submit')}</SubmitButton>
                  </form>
                )}
              </div>
              <p role="status" className="sr-only">
                {login.isPending ? t('auth.login.pending') : ''}
              </p>
            </div>
          )}
        </div>
      </main>
      <footer className="flex items-center justify-center gap-3 pb-6">
        <LanguageSwitch />
        <ThemeSwitch />
      </footer>
    </div>
  );
}
