// Volume transfers on the volumes pages: the project's pending transfers (each one cancellable), shown only when
// there are some, and the "Accept a transfer" button a receiving project uses with the id and key it was given.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { DetailSection } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { useVolumeTransfers } from '../../../resources/volumes/transfers';
import { cinderTime } from '../../../resources/volumes/volume-state';
import { acceptVolumeTransfer, cancelVolumeTransfer, identifyVolumeTransfer } from '../advanced-actions';

/** Cinder writes its times in UTC without saying so ("2026-12-07T02:57:24.220673"): read them as UTC. */
export interface VolumeTransfersSectionProps {
  /** Only the transfers of this volume (a detail page); all the project's otherwise. */
  volumeId?: string;
  /** Volume id → name, from what the page already holds; ids are shown otherwise. */
  volumeNames?: ReadonlyMap<string, string>;
}

export function VolumeTransfersSection({ volumeId, volumeNames }: VolumeTransfersSectionProps) {
  const { t, i18n } = useTranslation();
  const transfers = useVolumeTransfers();
  const actions = useResourceActions({ actions: [cancelVolumeTransfer], identify: identifyVolumeTransfer });
  if (transfers.error) return <ErrorNotice error={transfers.error} onRetry={() => void transfers.refetch()} />;
  const shown = (transfers.data ?? []).filter((transfer) => volumeId === undefined || transfer.volume_id === volumeId);
  if (shown.length === 0 && actions.failures.length === 0) return null;
  return (
    <DetailSection title={t('volumes.transfer.pending')} testId="volume-transfers">
      <p className="mb-3 text-sm text-fg-muted">{t('volumes.transfer.pendingHint')}</p>
      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      {shown.length > 0 && (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-fg-muted">
              <th scope="col" className="py-1 pr-3 font-medium">{t('volumes.transfer.name')}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t('volumes.transfer.volume')}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t('volumes.transfer.id')}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t('volumes.transfer.created')}</th>
              <th scope="col"><span className="sr-only">{t('volumes.transfer.actionsColumn')}</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((transfer) => (
              <tr key={transfer.id} className="border-t border-line" data-testid="volume-transfer-row" data-transfer-id={transfer.id}>
                <td className="py-1.5 pr-3">{transfer.name || '—'}</td>
                <td className="py-1.5 pr-3">
                  <Link to={`/volumes/${encodeURIComponent(transfer.volume_id)}`} className="text-brand hover:underline">
                    {volumeNames?.get(transfer.volume_id) || transfer.volume_id}
                  </Link>
                </td>
                <td className="py-1.5 pr-3 font-mono text-xs break-all">{transfer.id}</td>
                <td className="py-1.5 pr-3 whitespace-nowrap">{new Date(cinderTime(transfer.created_at)).toLocaleString(i18n.resolvedLanguage)}</td>
                <td className="py-1.5 text-right">
                  <Button variant="ghost" onClick={() => actions.trigger(cancelVolumeTransfer, [transfer])} data-testid="volume-transfer-cancel">
                    {t('volumes.actions.cancel-transfer.label')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions.dialogElement}
    </DetailSection>
  );
}

/** The receiving project's page-level action: accept a transfer by its id and auth key. */
export function AcceptVolumeTransferButton() {
  const { t } = useTranslation();
  const scope = useScope();
  const acceptance = useResourceActions({ actions: [], identify: identifyProject });
  return (
    <>
      <Button onClick={() => acceptance.trigger(acceptVolumeTransfer, [projectTarget(scope)])} data-testid="accept-volume-transfer">
        {t('volumes.actions.accept-transfer.label')}
      </Button>
      {acceptance.dialogElement}
    </>
  );
}
