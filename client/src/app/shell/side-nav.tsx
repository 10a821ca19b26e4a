import { useQueryClient } from '@tanstack/react-query';
import clsx from 'clsx';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCapabilities } from '../../lib/capabilities/use-capability';
import { useScope } from '../../lib/scope';
import { navGroups, navProbes, visibleNavEntries } from '../../lib/navigation';
import { navEntries } from '../navigation';
import { browserIdle, prefetchInTurn, savesData, useRoutePrefetch } from '../route-prefetch';

/** The connection's hints, where the browser gives them (Chromium). */
const connection = () => (navigator as Navigator & { connection?: Parameters<typeof savesData>[0] }).connection;

/**
 * Fetches the entries' pages ahead: all of them in turn while the browser is idle (once the page's own reads are
 * done, and not when the connection asks to save data), and each one as soon as the pointer or focus reaches it.
 */
function usePrefetchedEntries(targets: readonly string[]) {
  const prefetch = useRoutePrefetch();
  const queryClient = useQueryClient();
  const key = targets.join(' ');
  useEffect(() => {
    const idle = browserIdle(() => queryClient.isFetching() > 0);
    if (!idle || savesData(connection())) return;
    return prefetchInTurn(key.split(' '), prefetch, idle);
  }, [key, prefetch, queryClient]);
  return (to: string) => void prefetch(to);
}

/**
 * The entry the path belongs to: the longest `to` it is under. Prefix matching alone would light up Volumes too on
 * /volumes/snapshots, which has its own entry.
 */
export function activeNavTarget(pathname: string, targets: readonly string[]): string | undefined {
  const under = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
  return targets.filter(under).sort((a, b) => b.length - a.length)[0];
}

export function SideNav() {
  const { t } = useTranslation();
  const { services } = useScope();
  const { pathname } = useLocation();
  // Asked in the background: the page's own reads do not wait, and probed entries appear once all have answered.
  const probes = navProbes(navEntries, services);
  const states = useCapabilities(probes);
  const capabilities = new Map(probes.map((probe, index) => [probe.id, states[index]!]));
  const groups = navGroups(visibleNavEntries(navEntries, services, capabilities));
  const targets = groups.flatMap(({ entries }) => entries.map((entry) => entry.to));
  const active = activeNavTarget(pathname, targets);
  const prefetch = usePrefetchedEntries(targets);
  return (
    <nav aria-label={t('nav.label')} className="w-52 shrink-0 overflow-y-auto border-r border-line bg-surface px-2 py-3">
      {groups.map(({ section, entries }) => (
        <div key={section ?? 'main'} className={clsx(section && 'mt-4')}>
          {section && (
            <h2 id={`nav-${section}`} className="px-2.5 pb-1 text-xs font-semibold tracking-wide text-fg-muted uppercase">
              {t(`nav.sections.${section}`)}
            </h2>
          )}
          <ul className="space-y-0.5" aria-labelledby={section && `nav-${section}`}>
            {entries.map((entry) => {
              // A page whose probe could not tell stays reachable, greyed, saying why (its own reads then decide).
              const unknown = entry.probe && capabilities.get(entry.probe.id)?.state === 'unknown';
              return (
                <li key={entry.to}>
                  <Link
                    to={entry.to}
                    aria-current={entry.to === active ? 'page' : undefined}
                    onPointerEnter={() => prefetch(entry.to)}
                    onFocus={() => prefetch(entry.to)}
                    title={unknown ? t('capabilities.navUnknown') : undefined}
                    data-availability={unknown ? 'unknown' : undefined}
                    className={clsx(
                      'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium',
                      entry.to === active ? 'bg-brand-soft text-brand' : 'text-fg-muted hover:bg-sunken hover:text-fg',
                      // Greyed by its icon and slant, not by fading its words: they keep the contrast text needs.
                      unknown && 'italic',
                    )}
                  >
                    <entry.icon className={clsx('size-4 shrink-0', unknown && 'opacity-40')} />
                    {t(entry.label)}
                    {unknown && <span className="sr-only">{` (${t('capabilities.navUnknown')})`}</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
