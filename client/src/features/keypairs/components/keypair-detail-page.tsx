// One key pair (deep link /keypairs/<name>): fingerprint, type, public key, the same actions as the list's row
// menu and their openstack commands.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { CliCommand } from '../../../lib/ui/cli-command';
import { BackLink, DetailField } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import { identifyKeypair, keypairActions } from '../actions';
import { useKeypair } from '../../../resources/keypairs/keypairs';

// Nova writes its timestamps without a zone; they are UTC.
const asUtc = (timestamp: string) => (/(Z|[+-]\d\d:?\d\d)$/.test(timestamp) ? timestamp : `${timestamp}Z`);

export function KeypairDetailPage() {
  const { t, i18n } = useTranslation();
  const { name = '' } = useParams();
  const navigate = useNavigate();
  const keypair = useKeypair(name);
  const actions = useResourceActions({ actions: keypairActions, identify: identifyKeypair, onSucceeded: () => void navigate('/keypairs') });

  return (
    <div className="space-y-4 px-6 py-6">
      <BackLink to="/keypairs">{t('keypairs.list.title')}</BackLink>
      {keypair.error ? (
        <ErrorNotice error={keypair.error} onRetry={() => void keypair.refetch()} />
      ) : keypair.isPending ? (
        <LoadingState label={t('keypairs.detail.loading')} />
      ) : (
        <>
          <div className="flex items-start justify-between gap-4">
            <h1 className="text-xl font-semibold break-all text-fg" data-testid="detail-name">
              {keypair.data.name}
            </h1>
            <Menu label={t('keypairs.list.rowActions', { name: keypair.data.name })} items={actions.menuItems(keypair.data)} testId="detail-actions" trigger={t('keypairs.detail.actions')} />
          </div>
          <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
          <section className="rounded-lg border border-line bg-surface p-4">
            <dl className="grid gap-4 sm:grid-cols-2">
              <DetailField label={t('keypairs.columns.type')} testId="detail-type">
                {t(`keypairs.type.${keypair.data.type}`)}
              </DetailField>
              <DetailField label={t('keypairs.detail.created')} testId="detail-created">
                {keypair.data.created_at ? new Date(asUtc(keypair.data.created_at)).toLocaleString(i18n.resolvedLanguage) : '—'}
              </DetailField>
              <DetailField label={t('keypairs.columns.fingerprint')} testId="detail-fingerprint">
                <span className="font-mono text-xs">{keypair.data.fingerprint}</span>
              </DetailField>
              <DetailField label={t('keypairs.detail.user')} testId="detail-user">
                <span className="font-mono text-xs">{keypair.data.user_id ?? '—'}</span>
              </DetailField>
            </dl>
            <h2 className="mt-4 mb-1 text-xs font-medium text-fg-muted">{t('keypairs.detail.publicKey')}</h2>
            <pre className="max-h-64 overflow-auto rounded-md border border-line bg-sunken p-3 font-mono text-xs break-all whitespace-pre-wrap text-fg" data-testid="detail-public-key">
              {keypair.data.public_key}
            </pre>
          </section>
          <section className="rounded-lg border border-line bg-surface p-4">
            <h2 className="mb-2 text-sm font-semibold text-fg">{t('keypairs.detail.cli')}</h2>
            <CliCommand commands={[['keypair', 'show', '--public-key', keypair.data.name], ...keypairActions.flatMap((action) => action.cli(keypair.data, undefined))]} />
          </section>
        </>
      )}
      {actions.dialogElement}
    </div>
  );
}
