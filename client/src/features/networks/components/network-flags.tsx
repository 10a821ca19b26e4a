// A network's status, and what kind of network it is for this project (another project's, shared, external).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { neutronStatusTone, StatusDot } from '../../../lib/ui/status-dot';
import type { Network } from '../../../resources/networks/types';

export function NetworkStatusBadge({ network }: { network: Network }) {
  const { t } = useTranslation();
  return (
    <StatusDot
      status={network.status}
      tone={neutronStatusTone(network.status)}
      label={t(`networks.status.${network.status}`, { defaultValue: network.status })}
      note={network.admin_state_up ? undefined : t('networks.adminDown')}
      testId="network-status"
    />
  );
}

/** Nothing (or `none`) for the project's own plain network. */
export function NetworkKindBadges({ network, projectId, none = null }: { network: Network; projectId: string; none?: ReactNode }) {
  const { t } = useTranslation();
  const kinds = [
    network.project_id === projectId ? null : 'other',
    network.shared ? 'shared' : null,
    network['router:external'] ? 'external' : null,
  ].filter((kind): kind is 'other' | 'shared' | 'external' => kind !== null);
  if (kinds.length === 0) return none;
  return (
    <span className="flex flex-wrap gap-1" data-testid="network-kinds">
      {kinds.map((kind) => (
        <span key={kind} className="inline-flex items-center rounded-full border border-info-line bg-info-soft px-2 py-0.5 text-xs font-medium text-fg" data-kind={kind}>
          {t(`networks.kind.${kind}`)}
        </span>
      ))}
    </span>
  );
}
