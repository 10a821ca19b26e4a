import clsx from 'clsx';
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
import { SearchBox } from '../../features/search/components/search-box';
import { commandEntries, navEntries } from '../navigation';
import { useSignedInSession } from '../../resources/session/session-context';

/** What the search box offers besides resources: the navigation's pages and the features' actions. */
const searchablePages = [...navEntries, ...commandEntries];

export function TopBar({ requestLogOpen, onToggleRequestLog }: { requestLogOpen: boolean; onToggleRequestLog: () => void }) {
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
        <SearchBox pages={searchablePages} />
        <div className="flex items-center gap-2">
          <button
            type="button"
            onClick={onToggleRequestLog}
            aria-pressed={requestLogOpen}
            aria-keyshortcuts="Alt+Shift+L"
            title={t('requestLog.toggleHint')}
            className={clsx(
              'inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm hover:bg-sunken hover:text-fg',
              requestLogOpen ? 'bg-sunken text-fg' : 'text-fg-muted',
            )}
            data-testid="request-log-toggle"
          >
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" aria-hidden="true" className="size-4">
              <path d="M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01" />
            </svg>
            {t('requestLog.button')}
          </button>
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
