// A VPN service's or site connection's status. PENDING_* is not a failure: Neutron's VPN agent on the router's node
// moves it on, and a cloud without one leaves it pending; the badge says so in a line instead of looking broken.
import { useTranslation } from 'react-i18next';
import { neutronStatusTone, StatusDot } from '../../../lib/ui/status-dot';
import type { VpnStatus } from '../../../resources/vpn/types';

export const isPending = (status: VpnStatus) => status.startsWith('PENDING_');

export function VpnStatusBadge({ status, adminStateUp, explain = false }: { status: VpnStatus; adminStateUp: boolean; explain?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-col">
      <StatusDot
        status={status}
        tone={isPending(status) ? 'busy' : neutronStatusTone(status)}
        label={t(`vpn.status.${status}`, { defaultValue: status })}
        note={adminStateUp ? undefined : t('vpn.adminDown')}
        testId="vpn-status"
      />
      {explain && isPending(status) && (
        <span className="mt-0.5 text-xs text-fg-muted" data-testid="vpn-status-pending">
          {t('vpn.pendingExplained')}
        </span>
      )}
    </span>
  );
}
