// What a port is plugged into, said plainly: the instance (by name) or router holding it, or its device owner.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Port } from '../../../resources/ports/types';

export function PortHolder({ port, serverNames }: { port: Port; serverNames: ReadonlyMap<string, string> | undefined }) {
  const { t } = useTranslation();
  if (port.device_owner === '' && port.device_id === '') return <span className="text-fg-muted">{t('ports.free')}</span>;
  const owner = <span className="block font-mono text-xs text-fg-muted" data-testid="port-device-owner">{port.device_owner || '—'}</span>;
  if (port.device_owner.startsWith('compute:')) {
    return (
      <span>
        <Link to={`/instances/${port.device_id}`} className="text-brand hover:underline" data-testid="port-instance">
          {serverNames?.get(port.device_id) ?? port.device_id.slice(0, 8)}
        </Link>
        {owner}
      </span>
    );
  }
  if (port.device_owner.startsWith('network:router')) {
    return (
      <span>
        <Link to={`/routers/${port.device_id}`} className="text-brand hover:underline">
          {t('ports.router')}
        </Link>
        {owner}
      </span>
    );
  }
  return owner;
}
