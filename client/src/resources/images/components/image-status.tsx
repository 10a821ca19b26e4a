// An image's status as a coloured dot and a translated word; data-status keeps Glance's own value for tests.
import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import type { ImageStatus } from '../types';

const tones: Record<ImageStatus, string> = {
  active: 'bg-ok',
  queued: 'bg-fg-muted',
  saving: 'bg-warn-bar',
  uploading: 'bg-warn-bar',
  importing: 'bg-warn-bar',
  deactivated: 'bg-fg-muted',
  killed: 'bg-danger-bar',
  deleted: 'bg-danger-bar',
  pending_delete: 'bg-danger-bar',
};

export function ImageStatusBadge({ status }: { status: ImageStatus }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-testid="image-status" data-status={status}>
      <span aria-hidden="true" className={clsx('size-2 rounded-full', tones[status])} />
      <span className="text-fg">{t(`resources.images.status.${status}`)}</span>
    </span>
  );
}
