import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { ChevronDownIcon, LogOutIcon } from '../../../lib/ui/icons';
import { Spinner } from '../../../lib/ui/spinner';
import { useDateTimeFormat } from '../../../lib/format';
import { useLogout } from '../../../resources/session/logout';
import { useSignedInWith } from '../../../resources/session/signed-in-with';
import type { SessionView as Session } from '@contract/session';

export function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const logout = useLogout();

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      triggerRef.current?.focus();
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsideClick);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  const signedInWith = useSignedInWith(session);

  const expires = useDateTimeFormat()(session.expiresAt);

  return (
    <div ref={wrapperRef} className="relative">
      <button
        ref={triggerRef}
        type="button"
        data-testid="user-menu"
        aria-label={t('user.menu', { name: session.user.name })}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        className="flex h-9 items-center gap-2 rounded-md pr-1.5 pl-1 hover:bg-sunken"
      >
        <span
          aria-hidden="true"
          className="flex size-7 items-center justify-center rounded-full bg-brand-soft text-xs font-semibold text-brand uppercase"
        >
          {session.user.name.slice(0, 2)}
        </span>
        <span className="max-w-32 truncate text-sm font-medium text-fg">{session.user.name}</span>
        <ChevronDownIcon className="size-4 text-fg-muted" />
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute top-full right-0 z-40 mt-1 w-72 rounded-lg border border-line bg-surface p-3 shadow-lg"
        >
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-xs text-fg-muted">{t('user.signedInAs')}</dt>
              <dd className="font-medium break-words text-fg">
                {session.user.name} <span className="font-normal text-fg-muted">({session.user.domain.name})</span>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-fg-muted">{t('user.roles', { project: session.project.name })}</dt>
              <dd data-testid="user-roles" className="break-words text-fg">
                {session.roles.length > 0 ? session.roles.join(', ') : t('user.noRoles')}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-fg-muted">{t('user.signedInWith')}</dt>
              <dd data-testid="user-signed-in-with" className="break-words text-fg">
                {signedInWith}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-fg-muted">{t('user.expires')}</dt>
              <dd className="text-fg">
                <time dateTime={session.expiresAt}>{expires}</time>
              </dd>
            </div>
          </dl>
          <Link
            to="/account"
            data-testid="account-link"
            onClick={() => setOpen(false)}
            className="mt-3 flex w-full items-center justify-center rounded-md border border-line-strong px-3 py-1.5 text-sm font-medium text-fg hover:bg-sunken"
          >
            {t('user.account')}
          </Link>
          {logout.isError && <ErrorNotice error={logout.error} className="mt-3" />}
          <Button
            data-testid="logout"
            className="mt-3 w-full"
            disabled={logout.isPending}
            onClick={() => logout.mutate()}
          >
            {logout.isPending ? <Spinner /> : <LogOutIcon />}
            {t('user.signOut')}
          </Button>
        </div>
      )}
    </div>
  );
}
