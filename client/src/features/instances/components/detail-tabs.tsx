// The detail page's tabs other than the overview: interfaces, console, action log, CLI.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { ActionsApiList } from '../../../lib/actions/actions-api-list';
import { EmptyState } from '../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { RefreshIcon } from '../../../lib/ui/icons';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Spinner } from '../../../lib/ui/spinner';
import { useFloatingIps } from '../../../resources/floating-ips/floating-ips';
import { useUsableNetworks } from '../../../resources/networks/networks';
import { usePorts } from '../../../resources/ports/ports';
import { useSecurityGroups } from '../../../resources/security-groups/security-groups';
import { serverActions } from '../actions';
import {
  consoleLengths,
  consoleLogQueryOptions,
  instanceActionQueryOptions,
  instanceActionsQueryOptions,
  requestRemoteConsole,
} from '../../../resources/servers/server-details';
import type { Server } from '../../../resources/servers/types';

const cellClass = 'px-3 py-2 align-top';
const headClass = 'px-3 py-2 text-left text-xs font-medium text-fg-muted';

export function InterfacesTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  const ports = usePorts({ deviceId: server.id });
  const portIds = (ports.data ?? []).map((port) => port.id);
  const floatingIps = useFloatingIps({ portIds }, { enabled: ports.data !== undefined });
  const groups = useSecurityGroups();
  const networks = useUsableNetworks();
  const networkName = (id: string) => networks.data?.find((network) => network.id === id)?.name;
  if (ports.error) return <ErrorNotice error={ports.error} onRetry={() => void ports.refetch()} />;
  if (!ports.data) return <LoadingState label={t('instances.detail.interfaces.loading')} />;
  if (ports.data.length === 0) return <EmptyState title={t('instances.detail.interfaces.none')} />;
  const groupName = (id: string) => groups.data?.find((group) => group.id === id)?.name ?? id.slice(0, 8);
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="interfaces-table">
        <thead className="border-b border-line bg-sunken/60">
          <tr>
            {(['port', 'network', 'ips', 'floating', 'mac', 'status', 'securityGroups'] as const).map((column) => (
              <th key={column} scope="col" className={headClass}>
                {t(`instances.detail.interfaces.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ports.data.map((port) => (
            <tr key={port.id} className="border-b border-line last:border-b-0" data-testid="interface-row" data-port-id={port.id}>
              <td className={cellClass}>
                <span className="font-medium">{port.name || '—'}</span>
                <code className="block text-xs text-fg-muted">{port.id}</code>
              </td>
              <td className={cellClass}>{networkName(port.network_id) ?? <code className="text-xs">{port.network_id}</code>}</td>
              <td className={`${cellClass} font-mono text-xs`}>
                {port.fixed_ips.map((ip) => (
                  <div key={ip.ip_address}>{ip.ip_address}</div>
                ))}
              </td>
              <td className={`${cellClass} font-mono text-xs`}>
                {(floatingIps.data ?? [])
                  .filter((ip) => ip.port_id === port.id)
                  .map((ip) => (
                    <div key={ip.id}>{ip.floating_ip_address}</div>
                  ))}
              </td>
              <td className={`${cellClass} font-mono text-xs`}>{port.mac_address}</td>
              <td className={cellClass}>{port.status}</td>
              <td className={cellClass}>{port.security_groups.map(groupName).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ConsoleTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  const scope = useScope();
  const [length, setLength] = useState<number>(consoleLengths[0]);
  const log = useQuery(consoleLogQueryOptions(scope, server.id, length));
  const remote = useMutation({ mutationFn: () => requestRemoteConsole(server.id) });
  return (
    <div className="space-y-5">
      <section aria-labelledby="remote-console-title" className="rounded-lg border border-line bg-surface p-4">
        <h2 id="remote-console-title" className="mb-2 text-sm font-semibold">
          {t('instances.detail.console.remote')}
        </h2>
        {remote.data ? (
          <p className="text-sm">
            <a href={remote.data.url} target="_blank" rel="noopener noreferrer" className="font-medium text-brand underline" data-testid="console-link">
              {t('instances.detail.console.link')}
            </a>
            <span className="ml-2 text-fg-muted">{t('instances.detail.console.expires')}</span>
          </p>
        ) : (
          <Button onClick={() => remote.mutate()} disabled={remote.isPending} data-testid="request-console">
            {remote.isPending && <Spinner />}
            {remote.isPending ? t('instances.detail.console.opening') : t('instances.detail.console.open')}
          </Button>
        )}
        {remote.error && (
          <div className="mt-3 space-y-2" data-testid="console-not-offered">
            <p className="text-sm font-medium">{t('instances.detail.console.notOffered')}</p>
            <ErrorNotice error={remote.error} />
          </div>
        )}
      </section>
      <section aria-labelledby="console-log-title" className="rounded-lg border border-line bg-surface p-4">
        <div className="mb-2 flex items-center justify-between gap-3">
          <h2 id="console-log-title" className="text-sm font-semibold">
            {t('instances.detail.console.log')}
          </h2>
          <div className="flex items-center gap-2">
            <label className="flex items-center gap-2 text-sm text-fg-muted">
              {t('instances.detail.console.lines')}
              <select
                value={length}
                onChange={(event) => setLength(Number(event.target.value))}
                className="rounded-md border border-line-strong bg-surface px-2 py-1 text-fg"
                data-testid="console-length"
              >
                {consoleLengths.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </label>
            <Button onClick={() => void log.refetch()} disabled={log.isFetching} data-testid="refresh-console">
              {log.isFetching ? <Spinner /> : <RefreshIcon />}
              {t('instances.detail.console.refresh')}
            </Button>
          </div>
        </div>
        {log.error ? (
          <ErrorNotice error={log.error} />
        ) : log.data === undefined ? (
          <LoadingState label={t('instances.detail.console.loading')} />
        ) : log.data === '' ? (
          <p className="text-sm text-fg-muted">{t('instances.detail.console.empty')}</p>
        ) : (
          <pre tabIndex={0} className="max-h-[28rem] overflow-auto rounded-md bg-sunken p-3 font-mono text-xs leading-relaxed text-fg" data-testid="console-log">
            {log.data}
          </pre>
        )}
      </section>
    </div>
  );
}

function ActionEvents({ serverId, requestId }: { serverId: string; requestId: string }) {
  const { t } = useTranslation();
  const detail = useQuery(instanceActionQueryOptions(useScope(), serverId, requestId));
  if (detail.error) return <ErrorNotice error={detail.error} />;
  if (!detail.data) return <Spinner />;
  return (
    <ul className="space-y-1 text-xs">
      {(detail.data.events ?? []).map((event) => (
        <li key={`${event.event}-${event.start_time}`}>
          <code>{event.event}</code> · {t('instances.detail.log.result')}: {event.result ?? '—'} ·{' '}
          {new Date(event.start_time).toLocaleString()}
        </li>
      ))}
    </ul>
  );
}

export function ActionLogTab({ server }: { server: Server }) {
  const { t, i18n } = useTranslation();
  const actions = useQuery(instanceActionsQueryOptions(useScope(), server.id));
  const [open, setOpen] = useState<string | null>(null);
  if (actions.error) return <ErrorNotice error={actions.error} onRetry={() => void actions.refetch()} />;
  if (!actions.data) return <LoadingState label={t('instances.detail.log.loading')} />;
  if (actions.data.length === 0) return <EmptyState title={t('instances.detail.log.empty')} />;
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="action-log">
        <thead className="border-b border-line bg-sunken/60">
          <tr>
            {(['action', 'start', 'user', 'requestId', 'message', 'events'] as const).map((column) => (
              <th key={column} scope="col" className={headClass}>
                {t(`instances.detail.log.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actions.data.map((action) => (
            <Fragment key={action.request_id}>
              <tr className="border-b border-line" data-testid="action-log-row" data-action={action.action}>
                <td className={`${cellClass} font-medium`}>{action.action}</td>
                <td className={`${cellClass} whitespace-nowrap`}>{new Date(action.start_time).toLocaleString(i18n.resolvedLanguage)}</td>
                <td className={cellClass}>
                  <code className="text-xs">{action.user_id}</code>
                </td>
                <td className={cellClass}>
                  <code className="text-xs select-all">{action.request_id}</code>
                </td>
                <td className={cellClass}>{action.message ?? '—'}</td>
                <td className={cellClass}>
                  <button
                    type="button"
                    aria-expanded={open === action.request_id}
                    onClick={() => setOpen(open === action.request_id ? null : action.request_id)}
                    className="text-brand underline"
                  >
                    {t('instances.detail.log.showEvents')}
                  </button>
                </td>
              </tr>
              {open === action.request_id && (
                <tr className="border-b border-line bg-sunken/40">
                  <td colSpan={6} className={cellClass}>
                    <ActionEvents serverId={server.id} requestId={action.request_id} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CliTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted">{t('instances.detail.cli.intro')}</p>
      <ActionsApiList actions={serverActions} resource={server} />
    </div>
  );
}
