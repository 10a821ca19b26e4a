// A snapshot's status as a coloured dot and a translated word; data-status keeps Cinder's own value for tests.
import { useTranslation } from 'react-i18next';
import { StatusDot, type StatusTone } from '../../../lib/ui/status-dot';
import { isSnapshotChanging } from '../../../resources/volume-snapshots/volume-snapshots';
import type { VolumeSnapshotStatus } from '../../../resources/volume-snapshots/types';

function tone(status: VolumeSnapshotStatus): StatusTone {
  if (status === 'available') return 'ok';
  if (status === 'error' || status === 'error_deleting') return 'error';
  return isSnapshotChanging({ status }) ? 'busy' : 'idle';
}

export function SnapshotStatus({ status, progress }: { status: VolumeSnapshotStatus; progress?: string }) {
  const { t } = useTranslation();
  // Cinder's progress only says something while the snapshot is being made.
  const note = status === 'creating' && progress ? progress : undefined;
  return <StatusDot status={status} tone={tone(status)} label={t(`volume-snapshots.status.${status}`)} note={note} testId="snapshot-status" />;
}
