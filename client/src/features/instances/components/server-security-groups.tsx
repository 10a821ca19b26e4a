// The security groups of a server, as its ports have them (ids, so each links to its group even when two groups
// share a name), and the way to change them. Nova reports names only, so its list is the fallback while the ports load.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../lib/ui/button';
import { usePorts } from '../../../resources/ports/ports';
import { useSecurityGroups } from '../../../resources/security-groups/security-groups';
import { changeSecurityGroups } from '../actions';
import type { Server } from '../../../resources/servers/types';

export function ServerSecurityGroups({ server, onChange }: { server: Server; onChange: () => void }) {
  const { t } = useTranslation();
  const ports = usePorts({ deviceId: server.id });
  const groups = useSecurityGroups();
  const reason = changeSecurityGroups.unavailableReason(server);
  // By name: Neutron keeps a port's groups in no particular order.
  const linked = ports.data
    ? [...new Set(ports.data.flatMap((port) => port.security_groups))]
        .map((id) => ({ id, name: groups.data?.find((group) => group.id === id)?.name ?? id }))
        .sort((a, b) => a.name.localeCompare(b.name))
    : undefined;
  const names = [...new Set((server.security_groups ?? []).map((group) => group.name))];
  const chip = 'rounded-md border border-line bg-sunken px-2 py-0.5 text-sm';
  return (
    <div className="space-y-3">
      {(linked ?? names).length === 0 ? (
        <p className="text-sm text-fg-muted">{t('instances.detail.none')}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" data-testid="server-security-groups">
          {linked
            ? linked.map(({ id, name }) => (
                <li key={id} className={chip}>
                  <Link to={`/security-groups/${id}`} className="text-brand hover:underline" data-testid="server-security-group">
                    {name}
                  </Link>
                </li>
              ))
            : names.map((name) => (
                <li key={name} className={chip}>
                  {name}
                </li>
              ))}
        </ul>
      )}
      <Button onClick={onChange} disabled={reason !== null} title={reason ? t(reason) : undefined} data-testid="change-security-groups">
        {t(changeSecurityGroups.label)}
      </Button>
    </div>
  );
}
