// Creating a network, optionally with its first subnet in the same form: two Neutron calls in a row (the subnet
// needs the network's id). When the subnet is refused, the network exists: the dialog says so, keeps the input,
// and the next submit only retries the subnet.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { useQuotaCheck } from '../../../lib/actions/quota-source';
import { answerTo } from '../../../lib/actions/run-action';
import { useActionSubmission } from '../../../lib/actions/use-action-runner';
import { projectTarget } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { Dialog } from '../../../lib/ui/dialog';
import { DialogFooter } from '../../../lib/ui/dialog-footer';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Notice } from '../../../lib/ui/notice';
import { QuotaImpact } from '../../../lib/ui/quota-impact';
import { emptyNetworkSettings, networkProblem, type NetworkSettings } from '../network-draft';
import { createNetwork, networkCreateRequest } from '../new-network';
import { emptySubnetDraft, subnetCreateCli, subnetIssues, subnetProblemKey, type SubnetDraft } from '../subnet-draft';
import { NetworkSettingsFields } from './network-form';
import { SubnetFields } from './subnet-form';

export function CreateNetworkDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const scope = useScope();
  const navigate = useNavigate();
  const formId = useId();
  const [settings, setSettings] = useState<NetworkSettings>(emptyNetworkSettings);
  const [withSubnet, setWithSubnet] = useState(true);
  const [draft, setDraft] = useState<SubnetDraft>(() => emptySubnetDraft());
  // The network's fields are hidden once it exists, so its create call stays the same and a retry skips it.
  const { submit: submitCreate, pending, error, accepted } = useActionSubmission(createNetwork);
  const created = answerTo(accepted, networkCreateRequest(settings))?.network ?? null;

  const project = projectTarget(scope);
  const problem = networkProblem(settings);
  const subnetIssue = withSubnet ? subnetIssues(draft)[0] : undefined;
  const adds = { networks: created ? 0 : 1, subnets: withSubnet ? 1 : 0 };
  const quota = useQuotaCheck('network', adds);
  const invalid = problem
    ? t(`networks.problems.${problem}`)
    : subnetIssue
      ? t(subnetProblemKey(subnetIssue.problem), { detail: subnetIssue.detail ?? '' })
      : quota.over
        ? t('quota.impact.blocked')
        : null;
  const input = { settings, subnet: withSubnet ? draft : null };
  // Once the network exists only its subnet is left to make, in the network Neutron named.
  const commands = created
    ? withSubnet
      ? [subnetCreateCli(created.name || created.id, draft)]
      : []
    : createNetwork.cli(project, input);

  const submit = async () => {
    if (invalid || pending) return;
    const outcome = await submitCreate(project, input);
    quota.refresh();
    const network = answerTo(outcome.accepted, networkCreateRequest(settings))?.network;
    if (outcome.status === 'failed' || !network) return;
    onClose();
    void navigate(`/networks/${network.id}`);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      testId="create-network-dialog"
      className="w-[min(44rem,calc(100vw-2rem))]"
      title={t('networks.actions.create.label')}
      footer={
        <DialogFooter
          cancelLabel={t('actions.cancel')}
          onCancel={onClose}
          formId={formId}
          submitLabel={created ? t('networks.create.retrySubnet') : t('networks.actions.create.label')}
          pending={pending}
          disabled={invalid !== null}
          submitTestId="create-network-submit"
        />
      }
    >
      <form
        id={formId}
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {created ? (
          <Notice testId="network-created">{t('networks.create.createdWithoutSubnet', { name: created.name })}</Notice>
        ) : (
          <NetworkSettingsFields value={settings} onChange={setSettings} />
        )}
        <fieldset className="space-y-3 rounded-md border border-line p-3">
          <legend className="px-1">
            <CheckboxField label={t('networks.create.withSubnet')} checked={withSubnet} onChange={setWithSubnet} testId="create-with-subnet" />
          </legend>
          {withSubnet && <SubnetFields value={draft} onChange={setDraft} />}
        </fieldset>
        {quota.figures && <QuotaImpact figures={quota.figures} adds={adds} />}
        {invalid && <p className="text-sm text-fg-muted" data-testid="action-invalid">{invalid}</p>}
      </form>
      {error !== null && <ErrorNotice error={error} className="mt-3" />}
      <ActionApiViews className="mt-3" commands={commands} requests={() => createNetwork.request(project, input)} accepted={accepted} />
    </Dialog>
  );
}
