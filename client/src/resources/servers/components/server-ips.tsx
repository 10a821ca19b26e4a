// A server's addresses in a list cell: fixed ones, then floating ones marked as such.
import { useTranslation } from 'react-i18next';
import { serverIps } from '../addresses';
import type { Server } from '../types';

export function ServerIpList({ addresses }: { addresses: Server['addresses'] }) {
  const { t } = useTranslation();
  const ips = serverIps(addresses);
  // A server with no port (created with --nic none, or still building) says so, as other lists' empty cells do.
  if (ips.fixed.length === 0 && ips.floating.length === 0) return <span className="text-fg-muted" data-testid="server-ips">—</span>;
  return (
    <div className="font-mono text-xs leading-5" data-testid="server-ips">
      {ips.fixed.map((ip) => (
        <div key={ip}>{ip}</div>
      ))}
      {ips.floating.map((ip) => (
        <div key={ip}>
          {ip} <span className="font-sans text-fg-muted">({t('resources.servers.floating')})</span>
        </div>
      ))}
    </div>
  );
}
