// The request log: the last 200 calls this tab made (method, path, status, duration, request id, service), newest
// first, filterable, each one opening onto its HTTP view as the service received it. Read from the API client's
// in-memory log: nothing is stored or sent anywhere, and the log holds no token.
import clsx from 'clsx';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogService } from '@contract/session';
import { api } from '../../lib/api/client';
import { httpExchange } from '../../lib/api/http-exchange';
import type { LoggedRequest } from '../../lib/api/request-log';
import { requestLogCapacity } from '../../lib/api/request-log';
import { useRequestLog } from '../../lib/api/use-request-log';
import { CheckboxField } from '../../lib/ui/checkbox-field';
import { HttpExchangeView } from '../../lib/ui/http-exchange-view';
import { inputClass } from '../../lib/ui/form-controls';

/** A call the page itself called off (it left the page, or asked again): no answer, and no failure either. */
export const isCancelled = (entry: LoggedRequest) => entry.status === 0 && entry.error === 'aborted';

/** A call that failed: refused or broken by the service, or never answered. */
export const isFailed = (entry: LoggedRequest) =>
  entry.status !== null && (entry.status >= 400 || (entry.status === 0 && !isCancelled(entry)));

export interface RequestLogFilter {
  text: string;
  service: string;
  errorsOnly: boolean;
}

/** The entries the filter keeps, newest first. */
export function filterRequestLog(entries: readonly LoggedRequest[], { text, service, errorsOnly }: RequestLogFilter): LoggedRequest[] {
  const needle = text.trim().toLowerCase();
  return entries
    .filter(
      (entry) =>
        (service === '' || entry.service === service) &&
        (!errorsOnly || isFailed(entry)) &&
        (needle === '' ||
          [entry.method, entry.path, entry.requestId ?? '', entry.error ?? '', String(entry.status ?? '')].some((field) =>
            field.toLowerCase().includes(needle),
          )),
    )
    .reverse();
}


function LogRow({ entry, services }: { entry: LoggedRequest; services: readonly CatalogService[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const failed = isFailed(entry);
  // Zenith's own endpoints (the session, a service's versions) are the BFF's, reached with the session cookie: no token.
  const ownApi = !entry.path.startsWith('/api/os/');
  const exchange = httpExchange(entry, services);
  if (ownApi) exchange.headers = exchange.headers.filter(([name]) => name !== 'X-Auth-Token');
  return (
    <li
      data-testid="request-log-row"
      data-status={entry.status ?? ''}
      className={clsx('border-b border-line', failed && 'bg-danger-soft')}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
        className="grid w-full grid-cols-[3.5rem_1fr_3rem_4rem] items-baseline gap-x-2 px-3 py-1.5 text-left font-mono text-xs hover:bg-sunken"
      >
        <span className="font-semibold">{entry.method}</span>
        <span className="truncate" title={entry.path} data-testid="request-log-path">
          {entry.path}
        </span>
        <span className={clsx('text-right', failed ? 'font-semibold text-danger' : 'text-fg-muted')} data-testid="request-log-status">
          {entry.status === null
            ? t('requestLog.pending')
            : isCancelled(entry)
              ? t('requestLog.cancelled')
              : entry.status === 0
                ? t('requestLog.noAnswer')
                : entry.status}
        </span>
        <span className="text-right text-fg-muted">{entry.durationMs === undefined ? '' : t('requestLog.duration', { ms: entry.durationMs })}</span>
        <span className="col-span-4 flex gap-3 font-sans text-[11px] text-fg-muted">
          <span data-testid="request-log-service">{entry.service}</span>
          {entry.requestId && <span className="truncate font-mono">{entry.requestId}</span>}
        </span>
      </button>
      {open && (
        <div id={detailsId} className="space-y-2 px-3 pb-3">
          {entry.error && (
            <p className="text-xs text-danger" data-testid="request-log-error">
              {entry.error}
            </p>
          )}
          {ownApi && <p className="text-xs text-fg-muted">{t('requestLog.ownApi')}</p>}
          <HttpExchangeView exchanges={[exchange]} testId="request-log-exchange" />
        </div>
      )}
    </li>
  );
}

export function RequestLogPanel({ services, onClose }: { services: readonly CatalogService[]; onClose: () => void }) {
  const { t } = useTranslation();
  const entries = useRequestLog();
  const [filter, setFilter] = useState<RequestLogFilter>({ text: '', service: '', errorsOnly: false });
  const filterRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const shown = useMemo(() => filterRequestLog(entries, filter), [entries, filter]);
  const logged = useMemo(() => [...new Set(entries.map((entry) => entry.service))].sort(), [entries]);

  // Opening puts the focus in the filter; closing gives it back to what had it (the header button).
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    filterRef.current?.focus();
    return () => previous?.focus();
  }, []);

  return (
    <section
      aria-labelledby={titleId}
      data-testid="request-log-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
      className="flex w-[34rem] shrink-0 flex-col border-l border-line bg-surface"
    >
      <div className="flex items-start justify-between gap-3 border-b border-line px-3 py-2.5">
        <div>
          <h2 id={titleId} className="text-sm font-semibold">
            {t('requestLog.title')}
          </h2>
          <p className="text-xs text-fg-muted">{t('requestLog.intro', { count: requestLogCapacity, shortcut: 'Alt+Shift+L' })}</p>
        </div>
        <div className="flex shrink-0 gap-1">
          <button
            type="button"
            onClick={() => api.requestLog.clear()}
            className="rounded-md px-2 py-1 text-xs text-fg-muted hover:bg-sunken hover:text-fg"
            data-testid="request-log-clear"
          >
            {t('requestLog.clear')}
          </button>
          <button
            type="button"
            onClick={onClose}
            className="rounded-md px-2 py-1 text-xs text-fg-muted hover:bg-sunken hover:text-fg"
            data-testid="request-log-close"
          >
            {t('actions.close')}
          </button>
        </div>
      </div>
      <div className="space-y-2 border-b border-line px-3 py-2">
        <input
          ref={filterRef}
          type="search"
          value={filter.text}
          onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          placeholder={t('requestLog.filter')}
          aria-label={t('requestLog.filter')}
          className={clsx(inputClass, 'h-8')}
          data-testid="request-log-filter"
        />
        <div className="flex items-center gap-3">
          <div className="w-52">
            <select
              value={filter.service}
              onChange={(event) => setFilter({ ...filter, service: event.target.value })}
              aria-label={t('requestLog.service')}
              className={clsx(inputClass, 'h-8')}
              data-testid="request-log-service-filter"
            >
              <option value="">{t('requestLog.allServices')}</option>
              {logged.map((service) => (
                <option key={service} value={service}>
                  {service}
                </option>
              ))}
            </select>
          </div>
          <CheckboxField
            label={t('requestLog.errorsOnly')}
            checked={filter.errorsOnly}
            onChange={(errorsOnly) => setFilter({ ...filter, errorsOnly })}
            testId="request-log-errors-only"
          />
        </div>
      </div>
      <p className="sr-only" role="status">
        {filter.text !== '' || filter.service !== '' || filter.errorsOnly ? t('requestLog.shown', { count: shown.length, total: entries.length }) : ''}
      </p>
      {shown.length === 0 ? (
        <p className="px-3 py-4 text-sm text-fg-muted" data-testid="request-log-empty">
          {entries.length === 0 ? t('requestLog.empty') : t('requestLog.noMatch')}
        </p>
      ) : (
        <ol className="min-h-0 flex-1 overflow-y-auto" aria-label={t('requestLog.title')}>
          {shown.map((entry) => (
            <LogRow key={entry.seq} entry={entry} services={services} />
          ))}
        </ol>
      )}
    </section>
  );
}
