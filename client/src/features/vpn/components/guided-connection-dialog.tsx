// The guided site connection's dialog: six Neutron calls in a row (see guided.ts). When one is refused, what was
// made before it exists: the dialog shows Neutron's words, keeps the input, and the next submit resumes at the
// refused call (the calls already accepted are not sent again, nor shown in the HTTP view).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { useActionSubmission } from '../../../lib/actions/use-action-runner';
import { projectTarget } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { Dialog } from '../../../lib/ui/dialog';
import { DialogFooter } from '../../../lib/ui/dialog-footer';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { createGuidedConnection } from '../guided';
import type { GuidedConnectionDraft } from '../inputs';
import { GuidedConnectionForm } from './action-forms';

export function GuidedConnectionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const project = projectTarget(useScope());
  const formId = useId();
  const declared = createGuidedConnection.input!;
  const [draft, setDraft] = useState<GuidedConnectionDraft>(() => declared.initial(project));
  const { submit: run, pending, error, accepted } = useActionSubmission(createGuidedConnection);
  const invalid = declared.invalidReason?.(draft, project) ?? null;

  const submit = async () => {
    if (invalid || pending) return;
    const outcome = await run(project, draft);
    if (outcome.status === 'succeeded') onClose();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      testId="action-dialog-create-guided"
      className="w-[min(44rem,calc(100vw-2rem))]"
      title={t('vpn.actions.guided')}
      footer={
        <DialogFooter
          cancelLabel={t('actions.cancel')}
          onCancel={onClose}
          formId={formId}
          submitLabel={accepted.size > 0 ? t('vpn.guided.resume') : t('vpn.actions.guided')}
          pending={pending}
          disabled={invalid !== null}
          submitTestId="action-submit"
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
        <GuidedConnectionForm resource={project} value={draft} onChange={setDraft} formId={formId} onSubmit={() => void submit()} />
        {invalid && <p className="text-sm text-fg-muted" data-testid="action-invalid">{t(invalid)}</p>}
      </form>
      {error !== null && <ErrorNotice error={error} className="mt-3" />}
      <ActionApiViews className="mt-3" commands={createGuidedConnection.cli(project, draft)} requests={() => createGuidedConnection.request(project, draft)} accepted={accepted} />
    </Dialog>
  );
}
