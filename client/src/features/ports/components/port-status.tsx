// A port's status (Neutron's ACTIVE, DOWN, BUILD, ERROR) as a dot and a word.
import { useTranslation } from 'react-i18next';
import { neutronStatusTone, StatusDot } from '../../../lib/ui/status-dot';
import type { Port } from '../../../resources/ports/types';

export function PortStatusBadge({ port }: { port: Port }) {
  const { t } = useTranslation();
  return (
    <StatusDot
      status={port.status}
      tone={neutronStatusTone(port.status)}
      label={t(`ports.status.${port.status}`, { defaultValue: port.status })}
      note={port.admin_state_up ? undefined : t('ports.adminDown')}
      testId="port-status"
    />
  );
}
