// A server's addresses in a list cell: fixed ones, then floating ones marked as such.
import { useTranslation } from 'react-i18next';
import { serverIps } from '../addresses';
import type { Server } from '../types';

export function ServerIpList({ addresses }: { addresses: Server['addresses'] }) {
  const { t } = useTranslation();
  const ips = serverIps(addresses);
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
