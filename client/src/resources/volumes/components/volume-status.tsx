// A volume's status as a coloured dot and a translated word; data-status keeps Cinder's own value for tests, and a
// volume a write was just sent to says so while the page waits for Cinder.
import { useTranslation } from 'react-i18next';
import { StatusDot } from '../../../lib/ui/status-dot';
import { volumeStatusLabel, volumeStatusTone } from '../volume-state';

export function VolumeStatusBadge({ status, pending = false }: { status: string; pending?: boolean }) {
  const { t } = useTranslation();
  return (
    <StatusDot
      status={status}
      tone={pending ? 'busy' : volumeStatusTone(status)}
      label={t(volumeStatusLabel(status))}
      note={pending ? t('resources.volumes.status.pending') : undefined}
      testId="volume-status"
    />
  );
}
