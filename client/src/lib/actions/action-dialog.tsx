// The dialog an action opens when it needs input or a confirmation: the form, the equivalent `openstack` command
// line and HTTP requests, and the outcome per resource. The input survives a failure, so the user can correct and resend it. An action
// whose answer must be read once (a secret the service never shows again) replaces its form with that answer.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/dialog';
import { DialogFooter } from '../ui/dialog-footer';
import { ErrorNotice } from '../ui/error-notice';
import { QuotaImpact } from '../ui/quota-impact';
import { ActionApiViews } from './action-http-view';
import { useQuotaCheck } from './quota-source';
import type { AcceptedCalls, ActionDeclaration, ActionOutcome, ResumableOutcome } from './types';

export interface ActionDialogProps<Resource, Input> {
  action: ActionDeclaration<Resource, Input>;
  resources: readonly Resource[];
  nameOf: (resource: Resource) => string;
  /**
   * Why the action is not offered on a resource, in words (its state, or the cloud's refusal there): in bulk, such
   * resources are left out and say why. Defaults to the resource's state alone.
   */
  unavailable?: (resource: Resource) => string | null;
  run: (action: ActionDeclaration<Resource, Input>, resources: readonly Resource[], input: Input) => Promise<ResumableOutcome[]>;
  onClose: () => void;
}

export function ActionDialog<Resource, Input>({ action, resources, nameOf, unavailable, run, onClose }: ActionDialogProps<Resource, Input>) {
  const { t } = useTranslation();
  const stateReason = (resource: Resource) => {
    const reason = action.unavailableReason(resource);
    return reason ? t(reason) : null;
  };
  const unavailableOn = unavailable ?? stateReason;
  const formId = useId();
  const first = resources[0]!;
  const [input, setInput] = useState<Input>(() => (action.input ? action.input.initial(first) : (undefined as Input)));
  const [pending, setPending] = useState(false);
  const [outcomes, setOutcomes] = useState<(ActionOutcome | null)[] | null>(null);
  /** The accepted calls of a succeeded action that has an answer to show. */
  const [answered, setAnswered] = useState<AcceptedCalls | null>(null);
  const quota = action.input?.quota;
  const adds = quota ? quota.adds(input, first) : {};
  const quotaCheck = useQuotaCheck(quota?.service, adds);
  const invalid = action.input?.invalidReason?.(input, first) ?? (quotaCheck.over ? 'quota.impact.blocked' : null);
  const bulk = resources.length > 1;

  // In bulk, resources the action is unavailable on are left out, and say why. Once sent, the dialog keeps showing
  // what it sent: a refusal of the attempt itself is its outcome, not a reason it was skipped.
  const [sentSkipReasons, setSentSkipReasons] = useState<(string | null)[] | null>(null);
  const skipReasons = sentSkipReasons ?? resources.map((resource) => (bulk ? unavailableOn(resource) : null));
  const runnable = resources.filter((_, index) => skipReasons[index] === null);

  const submit = async () => {
    if (invalid || pending || runnable.length === 0) return;
    setPending(true);
    setSentSkipReasons(skipReasons);
    const result = await run(action, runnable, input);
    setPending(false);
    quotaCheck.refresh();
    if (result.every((outcome) => outcome.status === 'succeeded') && !bulk) {
      if (action.answer && result[0]) setAnswered(result[0].accepted);
      else onClose();
      return;
    }
    let next = 0;
    setOutcomes(resources.map((_, index) => (skipReasons[index] === null ? (result[next++] ?? null) : null)));
  };

  const Form = action.input?.Form;
  const Details = action.confirmation?.Details;
  const done = bulk && outcomes !== null;
  if (answered && action.answer) {
    const Answer = action.answer.View;
    return (
      <Dialog
        open
        onClose={onClose}
        testId={`action-dialog-${action.id}`}
        title={`${t(action.label)} · ${nameOf(first)}`}
        footer={<DialogFooter cancelLabel={t('actions.close')} onCancel={onClose} formId={formId} />}
      >
        <Answer resource={first} input={input} accepted={answered} />
      </Dialog>
    );
  }
  return (
    <Dialog
      open
      onClose={onClose}
      testId={`action-dialog-${action.id}`}
      title={bulk ? t('actions.bulkTitle', { action: t(action.label), count: resources.length }) : `${t(action.label)} · ${nameOf(first)}`}
      footer={
        <DialogFooter
          cancelLabel={done ? t('actions.close') : t('actions.cancel')}
          onCancel={onClose}
          formId={formId}
          submitLabel={done ? undefined : t(action.label)}
          pending={pending}
          disabled={invalid !== null || runnable.length === 0}
          destructive={action.confirmation?.destructive}
          submitTestId="action-submit"
        />
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="space-y-4"
      >
        {action.confirmation && (
          <p className="text-sm text-fg">{t(action.confirmation.message, { count: resources.length, name: nameOf(first) })}</p>
        )}
        {Details && <Details resources={runnable} />}
        {bulk && (
          <ul className="max-h-40 space-y-1 overflow-y-auto text-sm" data-testid="action-targets">
            {resources.map((resource, index) => {
              const outcome = outcomes?.[index];
              const skipReason = skipReasons[index];
              return (
                <li key={index} className="flex items-center justify-between gap-3" data-testid="action-target">
                  <span className="truncate">{nameOf(resource)}</span>
                  {skipReason && (
                    <span data-testid="action-target-skipped" className="text-right text-xs text-fg-muted">
                      {t('actions.skipped', { reason: skipReason })}
                    </span>
                  )}
                  {outcome && (
                    <span
                      data-testid="action-target-outcome"
                      className={outcome.status === 'succeeded' ? 'text-ok' : 'text-danger'}
                    >
                      {outcome.status === 'succeeded' ? t('actions.succeeded') : t('actions.failed')}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {Form && <Form resource={first} value={input} onChange={setInput} formId={formId} onSubmit={() => void submit()} />}
        {quotaCheck.figures && <QuotaImpact figures={quotaCheck.figures} adds={adds} />}
        {invalid && Form && <p className="text-sm text-fg-muted" data-testid="action-invalid">{t(invalid)}</p>}
      </form>
      {outcomes?.map((outcome, index) =>
        outcome?.status === 'failed' ? (
          <div key={index}>
            {bulk && <p className="mb-1 text-sm font-medium">{nameOf(resources[index]!)}</p>}
            <ErrorNotice error={outcome.error} />
          </div>
        ) : null,
      )}
      <ActionApiViews
        commands={runnable.flatMap((resource) => action.cli(resource, input))}
        requests={() => runnable.flatMap((resource) => action.request(resource, input))}
      />
    </Dialog>
  );
}
