// One key pair (deep link /keypairs/<name>): fingerprint, type, public key, the same actions as the list's row
// menu and their openstack commands.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import { identifyKeypair, keypairActions } from '../actions';
import type { PageReads } from '../../../lib/ui/api-reads';
import { keypairMicroversion, keypairPath, useKeypair } from '../../../resources/keypairs/keypairs';

// Nova writes its timestamps without a zone; they are UTC.
const asUtc = (timestamp: string) => (/(Z|[+-]\d\d:?\d\d)$/.test(timestamp) ? timestamp : `${timestamp}Z`);

export function KeypairDetailPage() {
  const { t, i18n } = useTranslation();
  const { name = '' } = useParams();
  const navigate = useNavigate();
  const keypair = useKeypair(name);
  const actions = useResourceActions({ actions: keypairActions, identify: identifyKeypair, onSucceeded: () => void navigate('/keypairs') });
  const reads: PageReads = { commands: [['keypair', 'show', name]], requests: [keypairPath(name)] };

  return (
    <div className="px-6 py-6">
      <BackLink to="/keypairs">{t('keypairs.list.title')}</BackLink>
      <DetailState query={keypair} loading={t('keypairs.detail.loading')} deleted={t('keypairs.detail.deleted')} deletedTestId="keypair-deleted">
        {(shown) => (
          <>
            <DetailHeader
              title={shown.name}
              reads={reads}
              actions={<Menu label={t('keypairs.list.rowActions', { name: shown.name })} items={actions.menuItems(shown)} testId="detail-actions" trigger={t('keypairs.detail.actions')} />}
            />
            <div className="space-y-4">
              <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
              <DetailSection>
                <dl className="grid gap-4 sm:grid-cols-2">
                  <DetailField label={t('keypairs.columns.type')} testId="detail-type">
                    {t(`resources.keypairs.type.${shown.type}`)}
                  </DetailField>
                  <DetailField label={t('keypairs.detail.created')} testId="detail-created">
                    {shown.created_at ? new Date(asUtc(shown.created_at)).toLocaleString(i18n.resolvedLanguage) : '—'}
                  </DetailField>
                  <DetailField label={t('keypairs.columns.fingerprint')} testId="detail-fingerprint">
                    <span className="font-mono text-xs">{shown.fingerprint}</span>
                  </DetailField>
                  <DetailField label={t('keypairs.detail.user')} testId="detail-user">
                    <span className="font-mono text-xs">{shown.user_id ?? '—'}</span>
                  </DetailField>
                </dl>
                <h2 className="mt-4 mb-1 text-xs font-medium text-fg-muted">{t('keypairs.detail.publicKey')}</h2>
                <pre className="max-h-64 overflow-auto rounded-md border border-line bg-sunken p-3 font-mono text-xs break-all whitespace-pre-wrap text-fg" data-testid="detail-public-key">
                  {shown.public_key}
                </pre>
              </DetailSection>
              <DetailSection title={t('keypairs.detail.cli')}>
                <ActionApiViews
                  variant="tabs"
                  commands={[['keypair', 'show', '--public-key', shown.name], ...keypairActions.flatMap((action) => action.cli(shown, undefined))]}
                  requests={() => [
                    { method: 'GET', path: keypairPath(shown.name), microversion: keypairMicroversion },
                    ...keypairActions.flatMap((action) => action.request(shown, undefined)),
                  ]}
                />
              </DetailSection>
            </div>
          </>
        )}
      </DetailState>
      {actions.dialogElement}
    </div>
  );
}
