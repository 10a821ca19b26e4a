import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { ZenithMark } from '../../../lib/ui/icons';
import { Notice } from '../../../lib/ui/notice';
import { LanguageSwitch, ThemeSwitch } from '../../../lib/ui/preference-switches';
import { Spinner } from '../../../lib/ui/spinner';
import { useLogin } from '../../../resources/session/login';
import { readLoginState, type LoginNotice } from '../../../resources/session/login-state';

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

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { from, notice } = readLoginState(location.state);
  const login = useLogin();
  const [form, setForm] = useState({ username: '', password: '', userDomain: 'Default', project: '' });
  const update = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      {
        username: form.username.trim(),
        password: form.password,
        userDomain: form.userDomain.trim() || 'Default',
        project: form.project.trim() || undefined,
      },
      { onSuccess: () => void navigate(from ?? '/', { replace: true }) },
    );
  };

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

          <form
            onSubmit={submit}
            aria-labelledby="login-heading"
            data-testid="login-form"
            className="space-y-4 rounded-xl border border-line bg-surface p-6 shadow-sm"
          >
            <h2 id="login-heading" className="sr-only">
              {t('auth.login.title')}
            </h2>
            {notice && !login.isError && (
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
              autoCapitalize="none"
              spellCheck={false}
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
              autoCapitalize="none"
              spellCheck={false}
              required
              value={form.userDomain}
              onChange={update('userDomain')}
            />
            <Field
              id="login-project"
              label={t('auth.login.project')}
              hint={t('auth.login.optional')}
              name="project"
              autoCapitalize="none"
              spellCheck={false}
              placeholder={t('auth.login.projectPlaceholder')}
              value={form.project}
              onChange={update('project')}
            />
            <Button
              type="submit"
              variant="primary"
              disabled={login.isPending}
              aria-busy={login.isPending}
              className="h-9 w-full"
            >
              {login.isPending && <Spinner />}
              {t('auth.login.submit')}
            </Button>
            <p role="status" className="sr-only">
              {login.isPending ? t('auth.login.pending') : ''}
            </p>
          </form>
        </div>
      </main>
      <footer className="flex items-center justify-center gap-3 pb-6">
        <LanguageSwitch />
        <ThemeSwitch />
      </footer>
    </div>
  );
}
