// What the detail page reads besides the server: its console log, a remote console link, and Nova's action log.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import type { InstanceAction, RemoteConsole } from './types';
import { computeMicroversion, serverPath } from './servers';

const consoleKeys = scopedQueryKeys('compute', 'server-console-log');
const instanceActionKeys = scopedQueryKeys('compute', 'instance-actions');

export const consoleLengths = [50, 200, 1000] as const;

export async function fetchConsoleLog(id: string, length: number, signal?: AbortSignal): Promise<string> {
  const { output } = await api.post<{ output: string }>(
    `${serverPath(id)}/action`,
    { 'os-getConsoleOutput': { length } },
    { signal, microversion: computeMicroversion },
  );
  return output;
}

export const consoleLogQueryOptions = (scope: QueryScope, id: string, length: number) =>
  queryOptions({
    queryKey: consoleKeys.list(scope, { id, length }),
    queryFn: ({ signal }) => fetchConsoleLog(id, length, signal),
  });

/** The protocols tried in turn: the first one the cloud offers wins. */
const consoleProtocols: Pick<RemoteConsole, 'protocol' | 'type'>[] = [
  { protocol: 'vnc', type: 'novnc' },
  { protocol: 'spice', type: 'spice-html5' },
  { protocol: 'serial', type: 'serial' },
];

/**
 * Asks Nova for a console URL (POST remote-consoles, 2.6+). The URL carries a one-time token: it is only shown as a
 * link to open in a new tab, never embedded. Throws the last error when the cloud offers none of the protocols.
 */
export async function requestRemoteConsole(id: string): Promise<RemoteConsole> {
  let lastError: unknown;
  for (const choice of consoleProtocols) {
    try {
      const { remote_console } = await api.post<{ remote_console: RemoteConsole }>(
        `${serverPath(id)}/remote-consoles`,
        { remote_console: choice },
        { microversion: computeMicroversion },
      );
      return remote_console;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

export async function fetchInstanceActions(id: string, signal?: AbortSignal): Promise<InstanceAction[]> {
  const { instanceActions } = await api.get<{ instanceActions: InstanceAction[] }>(`${serverPath(id)}/os-instance-actions`, {
    signal,
    microversion: computeMicroversion,
  });
  return instanceActions;
}

export async function fetchInstanceAction(id: string, requestId: string, signal?: AbortSignal): Promise<InstanceAction> {
  const { instanceAction } = await api.get<{ instanceAction: InstanceAction }>(
    `${serverPath(id)}/os-instance-actions/${encodeURIComponent(requestId)}`,
    { signal, microversion: computeMicroversion },
  );
  return instanceAction;
}

export const instanceActionsQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: instanceActionKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchInstanceActions(id, signal),
  });

export const instanceActionQueryOptions = (scope: QueryScope, id: string, requestId: string) =>
  queryOptions({
    queryKey: instanceActionKeys.list(scope, { id, requestId }),
    queryFn: ({ signal }) => fetchInstanceAction(id, requestId, signal),
  });
