// What a port is plugged into, said plainly: the instance (by name) or router holding it, or its device owner.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lookup, LookupText, type LookupSource } from '../../../lib/ui/lookup-cell';
import type { Port } from '../../../resources/ports/types';

/** Whether an instance holds the port (its name is then read from Nova). */
export const isInstancePort = (port: Port) => port.device_owner.startsWith('compute:');

export function PortHolder({ port, serverNames }: { port: Port; serverNames: LookupSource<string, string> }) {
  const { t } = useTranslation();
  if (port.device_owner === '' && port.device_id === '') return <span className="text-fg-muted">{t('ports.free')}</span>;
  const owner = <span className="block font-mono text-xs text-fg-muted" data-testid="port-device-owner">{port.device_owner || '—'}</span>;
  if (isInstancePort(port)) {
    return (
      <span>
        <Link to={`/instances/${port.device_id}`} className="text-brand hover:underline" data-testid="port-instance">
          <LookupText lookup={lookup(serverNames, port.device_id)} id={port.device_id} width="lg" />
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
