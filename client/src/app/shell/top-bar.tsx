import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../lib/ui/error-notice';
import { ZenithMark } from '../../lib/ui/icons';
import { LanguageSwitch, ThemeSwitch } from '../../lib/ui/preference-switches';
import { useSwitchScope } from '../../resources/session/switch-scope';
import { ProjectSwitcher } from '../../features/auth/components/project-switcher';
import { RegionSwitcher } from '../../features/auth/components/region-switcher';
import { SessionExpiryWarning } from '../../features/auth/components/session-expiry-warning';
import { UserMenu } from '../../features/auth/components/user-menu';
import { useSignedInSession } from '../../resources/session/session-context';

export function TopBar() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const switchScope = useSwitchScope();
  const target = switchScope.variables;

  return (
    <header className="relative z-30 shrink-0 border-b border-line bg-surface">
      <div className="flex h-14 items-center gap-1 px-3">
        <Link to="/" className="mr-2 flex items-center gap-2 rounded-md px-1 py-1">
          <ZenithMark />
          <span className="text-base font-semibold tracking-tight text-fg">Zenith</span>
        </Link>
        <span aria-hidden="true" className="mr-1 h-6 w-px bg-line" />
        <ProjectSwitcher
          current={session.project}
          switching={switchScope.isPending}
          onSelect={(project) => switchScope.mutate({ projectId: project.id })}
        />
        <RegionSwitcher
          region={session.region}
          regions={session.regions}
          switching={switchScope.isPending}
          onSelect={(region) => switchScope.mutate({ region })}
        />
        <div className="flex-1" />
        <div className="flex items-center gap-2">
          <ThemeSwitch />
          <LanguageSwitch />
          <span aria-hidden="true" className="mx-1 h-6 w-px bg-line" />
          <UserMenu session={session} />
        </div>
      </div>
      <SessionExpiryWarning />
      <p role="status" className="sr-only">
        {switchScope.isPending && target ? t('shell.switching') : ''}
      </p>
      {switchScope.isError && (
        <div className="flex items-start gap-2 border-t border-line px-3 py-2">
          <p className="sr-only">{t('shell.switchFailed')}</p>
          <ErrorNotice error={switchScope.error} className="flex-1" />
          <button
            type="button"
            onClick={() => switchScope.reset()}
            className="rounded-md px-2 py-1 text-sm text-fg-muted hover:bg-sunken hover:text-fg"
          >
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </header>
  );
}
