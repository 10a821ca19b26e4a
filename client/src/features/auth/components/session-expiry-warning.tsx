// Five minutes before the session's Keystone token expires, a banner says so and offers to sign in again in a
// dialog over the page, which stays as it is. Once expired, the next call lands on the login page with the reason
// and the deep link (session-events).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { AlertIcon } from '../../../lib/ui/icons';
import { useSignedInSession } from '../../../resources/session/session-context';
import { RenewSessionDialog } from './renew-session-dialog';

export const expiryWarningMs = 5 * 60_000;
const tickMs = 15_000;
// setTimeout takes at most 2^31-1 ms (about 24.8 days).
const longestTimer = 2_147_483_647;

/** The time left before `expiresAt`, refreshed when the warning starts and then every 15 s. */
function useTimeLeft(expiresAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  const left = Date.parse(expiresAt) - now;
  useEffect(() => {
    const untilWarning = left - expiryWarningMs;
    const delay = untilWarning > 0 ? untilWarning : tickMs;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.min(delay, longestTimer));
    return () => window.clearTimeout(timer);
  }, [left]);
  return left;
}

export function SessionExpiryWarning() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const left = useTimeLeft(session.expiresAt);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [renewing, setRenewing] = useState(false);
  if (Number.isNaN(left) || left > expiryWarningMs || left <= 0 || dismissed === session.expiresAt) return null;

  const minutes = Math.floor(left / 60_000);

  return (
    <div
      role="alert"
      data-testid="session-expiry-warning"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-info-line bg-info-soft px-3 py-2 text-sm text-fg"
    >
      <AlertIcon className="size-4 shrink-0 text-warn" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">{minutes >= 1 ? t('auth.expiry.warning', { count: minutes }) : t('auth.expiry.soon')}</span>{' '}
        <span className="text-fg-muted">{t('auth.expiry.explain')}</span>
      </p>
      <Button variant="primary" data-testid="session-sign-in-again" onClick={() => setRenewing(true)}>
        {t('auth.expiry.action')}
      </Button>
      <Button variant="ghost" onClick={() => setDismissed(session.expiresAt)}>
        {t('auth.expiry.dismiss')}
      </Button>
      {renewing && <RenewSessionDialog onClose={() => setRenewing(false)} />}
    </div>
  );
}
