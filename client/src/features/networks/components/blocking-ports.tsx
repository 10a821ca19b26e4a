// What keeps a network or a subnet from being deleted: the ports still using it (Neutron's 409 only says "in
// use"), each linked to its page and to the server or router holding it. Shown in the delete dialog, before and
// after Neutron's answer.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionFormProps } from '../../../lib/actions/types';
import { QueryGate } from '../../../lib/ui/query-gate';
import type { Port } from '../../../resources/ports/types';
import { useBlockingPorts } from '../../../resources/networks/networks';
import type { Network, Subnet } from '../../../resources/networks/types';

/** Where the holder of a port is shown: a server's or a router's page. */
export function portHolderLink(port: Port): string | null {
  if (port.device_owner.startsWith('compute:')) return `/instances/${port.device_id}`;
  if (port.device_owner.startsWith('network:router_interface') || port.device_owner === 'network:ha_router_replicated_interface') return `/routers/${port.device_id}`;
  return null;
}

function BlockingPorts({ networkId, subnetId }: { networkId: string; subnetId?: string }) {
  const { t } = useTranslation();
  const ports = useBlockingPorts(networkId, subnetId);
  return (
    <QueryGate query={ports} loading={t('networks.inUse.loading')}>
      {(blocking) =>
        blocking.length === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="blocking-ports-none">{t('networks.inUse.none')}</p>
        ) : (
          <div className="rounded-md border border-danger-line bg-danger-soft/40 p-3" data-testid="blocking-ports">
            <p className="text-sm font-medium text-fg">{t(subnetId ? 'networks.inUse.subnetTitle' : 'networks.inUse.title', { count: blocking.length })}</p>
            <ul className="mt-2 space-y-1 text-sm">
              {blocking.map((port) => {
                const holder = portHolderLink(port);
                return (
                  <li key={port.id} data-testid="blocking-port" data-port-id={port.id} className="flex flex-wrap items-baseline gap-x-2">
                    <Link to={`/ports/${port.id}`} className="font-medium text-brand hover:underline">
                      {port.name || port.id.slice(0, 8)}
                    </Link>
                    <span className="text-fg-muted">{port.fixed_ips.map((fixedIp) => fixedIp.ip_address).join(', ')}</span>
                    <span className="font-mono text-xs text-fg-muted">{port.device_owner || t('networks.inUse.noOwner')}</span>
                    {holder && (
                      <Link to={holder} className="text-xs text-brand hover:underline">
                        {t('networks.inUse.holder')}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )
      }
    </QueryGate>
  );
}

export function DeleteNetworkCheck({ resource }: ActionFormProps<Network, null>) {
  return <BlockingPorts networkId={resource.id} />;
}

export function DeleteSubnetCheck({ resource }: ActionFormProps<Subnet, null>) {
  return <BlockingPorts networkId={resource.network_id} subnetId={resource.id} />;
}
