import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SuccessNotices } from '../../lib/ui/success-notices';
import { useSignedInSession } from '../../resources/session/session-context';
import { KeyboardShortcuts } from './keyboard-shortcuts-dialog';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';

// Its own chunk: every page has the shell, few open the request log.
const RequestLogPanel = lazy(async () => ({ default: (await import('./request-log-panel')).RequestLogPanel }));

/** Alt+Shift+L opens and closes the request log (by key position, so the layout and Alt's characters do not matter). */
export function isRequestLogShortcut(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL';
}

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
          {/* The pages' actions announce their successes here (fixed in a corner, whatever scrolls). */}
          <SuccessNotices>
            <Outlet />
          </SuccessNotices>
        </main>
        <KeyboardShortcuts />
        {logOpen && (
          <Suspense>
            <RequestLogPanel services={session.services} onClose={() => setLogOpen(false)} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
