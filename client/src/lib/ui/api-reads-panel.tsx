// The "API" button of list and detail pages and the panel it opens: the `openstack` commands that read what the
// page shows, and the GETs the page made (from the API client's request log), each as its HTTP exchange with the
// real endpoint URL and a "Copy as curl".
import clsx from 'clsx';
import { createContext, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { httpExchange } from '../api/http-exchange';
import type { RequestLog } from '../api/request-log';
import { useRequestLog } from '../api/use-request-log';
import { useScope } from '../scope';
import { pageReadRequests, type PageReads, type ShownRead } from './api-reads';
import { Button } from './button';
import { CliCommand } from './cli-command';
import { HttpExchangeView, TokenHint } from './http-exchange-view';
import { ChevronDownIcon } from './icons';

/** The most calls the panel shows, the latest ones (a page reading many projects makes hundreds). */
export const shownReadsLimit = 25;

/** The last sequence number in the log when the page appeared: calls after it are the page's own. */
function lastSeq(log: RequestLog): number {
  return log.entries().at(-1)?.seq ?? 0;
}

/** Remembers where the log stood when the calling component mounted. */
export function usePageStart(log: RequestLog = api.requestLog): number {
  const [since] = useState(() => lastSeq(log));
  return since;
}

/**
 * Where the log stood when the page appeared, for a header that mounts later than its page (a detail page's header
 * shows once the resource is read: the page's own first read must still count as the page's).
 */
export const PageStartContext = createContext<number | null>(null);

/** The open/closed state of a page's API panel and the button that toggles it. */
export function useApiReads(reads: PageReads | undefined) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const pageStart = useContext(PageStartContext);
  const ownStart = usePageStart();
  const since = pageStart ?? ownStart;
  const button = reads && (
    <Button aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)} data-testid="api-reads-toggle">
      {t('apiReads.button')}
      <ChevronDownIcon className={clsx('size-4 transition-transform', open && 'rotate-180')} />
    </Button>
  );
  const panel = reads && open && <ApiReadsPanel id={panelId} reads={reads} since={since} />;
  return { button, panel };
}

function ReadStatus({ shown }: { shown: ShownRead }) {
  const { t } = useTranslation();
  const { request, count, beforePage } = shown;
  const failed = request.status !== null && (request.status === 0 || request.status >= 400);
  const parts: ReactNode[] = [
    request.status === null ? t('apiReads.pending') : request.status === 0 ? t('apiReads.noAnswer') : String(request.status),
  ];
  if (request.durationMs !== undefined) parts.push(t('apiReads.duration', { ms: request.durationMs }));
  if (count > 1) parts.push(t('apiReads.count', { count }));
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-xs text-fg-muted" data-testid="api-read-status">
      <span className={clsx('font-mono font-semibold', failed ? 'text-danger' : 'text-fg')}>{parts[0]}</span>
      {parts.slice(1).map((part, index) => (
        <span key={index}>· {part}</span>
      ))}
      {request.requestId && (
        <span>
          · {t('apiReads.requestId')} <code className="select-all">{request.requestId}</code>
        </span>
      )}
      {request.error && <span className="text-danger">· {request.error}</span>}
      {beforePage && <span>· {t('apiReads.beforePage')}</span>}
    </p>
  );
}

export function ApiReadsPanel({ id, reads, since }: { id?: string; reads: PageReads; since: number }) {
  const { t } = useTranslation();
  const log = useRequestLog();
  const { services } = useScope();
  const all = useMemo(() => pageReadRequests(log, reads.requests, since), [log, reads.requests, since]);
  const shown = all.slice(-shownReadsLimit);
  const hidden = all.length - shown.length;
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className="mb-4 space-y-4 rounded-lg border border-line bg-surface p-4" data-testid="api-reads-panel">
      <div>
        <h2 id={headingId} className="text-sm font-semibold text-fg">
          {t('apiReads.title')}
        </h2>
        <p className="mt-1 text-xs text-fg-muted">{t('apiReads.hint')}</p>
      </div>
      {reads.commands.length > 0 && (
        <div className="space-y-1.5">
          <h3 className="text-xs font-semibold tracking-wide text-fg-muted uppercase">{t('apiReads.cli')}</h3>
          <CliCommand commands={reads.commands} testId="api-reads-cli" />
        </div>
      )}
      <div className="space-y-1.5">
        <h3 className="text-xs font-semibold tracking-wide text-fg-muted uppercase">{t('apiReads.http')}</h3>
        {shown.length === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="api-reads-none">
            {t('apiReads.none')}
          </p>
        ) : (
          <ol className="space-y-3">
            {hidden > 0 && (
              <li className="text-xs text-fg-muted" data-testid="api-reads-hidden">
                {t('apiReads.hidden', { count: hidden })}
              </li>
            )}
            {shown.map((read) => (
              <li key={read.request.seq} className="space-y-1" data-testid="api-read">
                <ReadStatus shown={read} />
                <HttpExchangeView exchanges={[httpExchange(read.request, services)]} testId="api-read-http" tokenHint={false} />
              </li>
            ))}
          </ol>
        )}
        {shown.length > 0 && <TokenHint />}
      </div>
    </section>
  );
}
