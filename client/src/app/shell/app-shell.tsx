import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSignedInSession } from '../../resources/session/session-context';
import { isRequestLogShortcut, RequestLogPanel } from './request-log-panel';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';

export function AppShell() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [logOpen, setLogOpen] = useState(false);
  const toggleLog = useCallback(() => setLogOpen((open) => !open), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isRequestLogShortcut(event)) return;
      event.preventDefault();
      toggleLog();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleLog]);

  return (
    <div className="flex h-screen min-w-[1024px] flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-brand px-3 py-2 text-on-brand focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        {t('shell.skipToContent')}
      </a>
      <TopBar requestLogOpen={logOpen} onToggleRequestLog={toggleLog} />
      <div className="flex min-h-0 flex-1">
        <SideNav />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 overflow-y-auto focus-visible:outline-none">
          <Outlet />
        </main>
        {logOpen && <RequestLogPanel services={session.services} onClose={() => setLogOpen(false)} />}
      </div>
    </div>
  );
}
