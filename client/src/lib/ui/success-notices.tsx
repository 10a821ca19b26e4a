// Short messages that say an action succeeded ("Stopped web-1", with a link to it), shown in a corner of the page and
// read out by screen readers through a polite live region that is always in the page (a region added together with
// its text is often not announced). Each hides by itself after a few seconds, but not while the pointer is on it or
// the focus in it (someone reaching for its link), and has a close button. Failures are not notices: they stay next
// to what failed.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { CheckIcon } from './icons';

export interface SuccessNotice {
  text: string;
  /** The page of what the action acted on, when it has one (and still exists). */
  link?: { to: string; name: string };
}

/** How long a notice stays once neither hovered nor focused. */
export const noticeMilliseconds = 6000;
/** Older notices give way: a burst of actions does not cover the page. */
const shownAtOnce = 3;

const SuccessNoticeContext = createContext<(notice: SuccessNotice) => void>(() => undefined);

/** Shows a success notice; outside the shell (a test rendering a lone component) it is dropped. */
export const useAnnounceSuccess = () => useContext(SuccessNoticeContext);

let noticeCounter = 0;

export function SuccessNotices({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<(SuccessNotice & { key: number })[]>([]);
  const announce = useCallback(
    (notice: SuccessNotice) => setNotices((current) => [...current.slice(1 - shownAtOnce), { ...notice, key: ++noticeCounter }]),
    [],
  );
  const dismiss = useCallback((key: number) => setNotices((current) => current.filter((notice) => notice.key !== key)), []);

  return (
    <SuccessNoticeContext.Provider value={announce}>
      {children}
      <div
        role="status"
        aria-live="polite"
        data-testid="success-notices"
        className="pointer-events-none fixed right-4 bottom-4 z-40 flex w-[min(26rem,calc(100vw-2rem))] flex-col gap-2"
      >
        {notices.map((notice) => (
          <NoticeItem key={notice.key} notice={notice} onDismiss={dismiss} />
        ))}
      </div>
    </SuccessNoticeContext.Provider>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: SuccessNotice & { key: number }; onDismiss: (key: number) => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // On the resource's own page (an action run from its detail page) the link would lead where the user already is.
  const link = notice.link && notice.link.to !== pathname ? notice.link : undefined;
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;

  // The countdown starts again in full when the pointer or focus leaves: the user was reading it.
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(notice.key), noticeMilliseconds);
    return () => clearTimeout(timer);
  }, [held, onDismiss, notice.key]);

  return (
    <div
      data-testid="success-notice"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
      className="pointer-events-auto flex items-start gap-2 rounded-lg border border-line bg-surface px-3 py-2.5 text-sm text-fg shadow-lg"
    >
      <CheckIcon className="mt-0.5 size-4 shrink-0 text-ok" />
      <p className="min-w-0 flex-1">
        <span data-testid="success-notice-text">{notice.text}</span>
        {link && (
          <>
            {' '}
            <Link
              to={link.to}
              className="font-medium text-brand underline-offset-2 hover:underline"
              data-testid="success-notice-link"
            >
              {t('actions.notice.open', { name: link.name })}
            </Link>
          </>
        )}
      </p>
      <button
        type="button"
        onClick={() => onDismiss(notice.key)}
        aria-label={t('actions.notice.dismiss')}
        className="-my-0.5 rounded-md px-1.5 text-fg-muted hover:bg-sunken hover:text-fg"
        data-testid="success-notice-dismiss"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
