// A router's status (and whether it is administratively down) as lib/ui's status dot.
import { useTranslation } from 'react-i18next';
import { neutronStatusTone, StatusDot } from '../../../lib/ui/status-dot';
import type { RouterStatus } from '../../../resources/routers/types';

export function RouterStatusBadge({ status, adminStateUp }: { status: RouterStatus; adminStateUp: boolean }) {
  const { t } = useTranslation();
  return (
    <StatusDot
      status={status}
      tone={neutronStatusTone(status)}
      label={t(`routers.status.${status}`, { defaultValue: status })}
      note={adminStateUp ? undefined : t('routers.adminDown')}
      testId="router-status"
    />
  );
}
