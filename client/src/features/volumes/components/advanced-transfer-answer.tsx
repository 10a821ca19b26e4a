// What a volume transfer's creator must pass on to the receiving project: the transfer's id and its auth key. Cinder
// answers the key once, to the create call; it is never readable again (neither here nor with the CLI), so the dialog
// says so and offers to copy both.
import { useTranslation } from 'react-i18next';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { answerTo } from '../../../lib/actions/run-action';
import type { ActionAnswerProps } from '../../../lib/actions/types';
import { CopyableValue } from '../../../lib/ui/copy-button';
import { AlertIcon } from '../../../lib/ui/icons';
import { acceptTransferCli, acceptTransferRequest, createTransferRequest } from '../../../resources/volumes/transfers';
import type { Volume } from '../../../resources/volumes/types';
import { transferOffer, type TransferInput } from './advanced-forms';

export function TransferAnswer({ resource, input, accepted }: ActionAnswerProps<Volume, TransferInput>) {
  const { t } = useTranslation();
  const transfer = answerTo(accepted, createTransferRequest(transferOffer(resource, input)))?.transfer;
  if (!transfer) return null;
  return (
    <div className="space-y-4" data-testid="transfer-created">
      <div role="alert" className="flex gap-2 rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-fg" data-testid="transfer-shown-once">
        <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
        <p>{t('volumes.transfer.shownOnce')}</p>
      </div>
      <CopyableValue label={t('volumes.transfer.id')} value={transfer.id} testId="transfer-id" copyLabel={t('volumes.transfer.copy', { what: t('volumes.transfer.id') })} />
      <CopyableValue label={t('volumes.transfer.authKey')} value={transfer.auth_key} testId="transfer-auth-key" copyLabel={t('volumes.transfer.copy', { what: t('volumes.transfer.authKey') })} />
      <div>
        <p className="mb-1 text-sm text-fg-muted">{t('volumes.transfer.acceptWithCli')}</p>
        <ActionApiViews
          variant="tabs"
          commands={[acceptTransferCli(transfer.id, transfer.auth_key)]}
          requests={() => [acceptTransferRequest(transfer.id, transfer.auth_key)]}
          commandTestId="transfer-accept-cli"
        />
      </div>
    </div>
  );
}
