// Creating a flavor (admins: the page offers it from the same signal as the other admin actions): POST /flavors,
// then its extra specs and, for a private one, a grant per chosen project. When a later call is refused the
// flavor exists: the dialog says so, keeps the input, and the next submit only sends the calls not yet made.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { answerTo } from '../../../lib/actions/run-action';
import { useActionSubmission } from '../../../lib/actions/use-action-runner';
import { Button } from '../../../lib/ui/button';
import { Dialog } from '../../../lib/ui/dialog';
import { DialogFooter } from '../../../lib/ui/dialog-footer';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { describedBy, Field, inputClass, textareaClass } from '../../../lib/ui/form-controls';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Notice } from '../../../lib/ui/notice';
import { fromBody } from '../../../resources/flavors/flavors';
import { useAllProjects } from '../../../resources/identity/identity';
import {
  createFlavor,
  emptyFlavorDraft,
  flavorCreateCli,
  flavorCreateRequest,
  flavorDraftProblems,
  type FlavorDraft,
  type FlavorDraftProblems,
} from '../flavor-draft';
import { ExtraSpecsEditor } from './action-forms';

type TextField = 'name' | 'id' | 'vcpus' | 'ram' | 'disk' | 'ephemeral' | 'swap' | 'rxtxFactor';

function ProjectChoice({ chosen, onChange }: { chosen: string[]; onChange: (projectIds: string[]) => void }) {
  const { t } = useTranslation();
  const projects = useAllProjects();
  if (projects.error) return <ErrorNotice error={projects.error} onRetry={() => void projects.refetch()} />;
  if (!projects.data) return <LoadingState label={t('flavors.forms.loadingProjects')} />;
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((projectId) => projectId !== id));
  return (
    <fieldset className="space-y-1 rounded-md border border-line p-3" data-testid="flavor-create-projects">
      <legend className="px-1 text-sm font-medium text-fg">{t('flavors.create.projects')}</legend>
      {projects.data.map((project) => (
        <label key={project.id} className="flex items-center gap-2 text-sm text-fg">
          <input type="checkbox" checked={chosen.includes(project.id)} onChange={(event) => toggle(project.id, event.target.checked)} />
          {project.name}
        </label>
      ))}
      {chosen.length === 0 && <p className="text-xs text-fg-muted">{t('flavors.create.noProject')}</p>}
    </fieldset>
  );
}

export function FlavorCreator() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)} data-testid="flavor-create-open">
        {t('flavors.create.open')}
      </Button>
      {open && <CreateFlavorDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function CreateFlavorDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formId = useId();
  const [draft, setDraft] = useState<FlavorDraft>(emptyFlavorDraft);
  const [showProblems, setShowProblems] = useState(false);
  // Calls Nova already accepted are not sent again (granting a project twice gets a 409), while what the user
  // changed after a refusal is. The flavor's own fields are locked once it exists, so its create call stays the same.
  const { submit: submitCreate, pending, error, accepted } = useActionSubmission(createFlavor);
  const createdBody = answerTo(accepted, flavorCreateRequest(draft));
  const created = createdBody ? fromBody(createdBody.flavor) : null;

  const problems: FlavorDraftProblems = flavorDraftProblems(draft);
  const invalid = Object.keys(problems).length > 0;
  const update = (patch: Partial<FlavorDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const problemText = (field: keyof FlavorDraftProblems) => {
    const problem = showProblems ? problems[field] : undefined;
    if (!problem) return undefined;
    return problem === 'badKey' || problem === 'badValue' ? t(`flavors.extraSpecs.${problem}`) : t(`flavors.create.problems.${problem}`);
  };

  const submit = async () => {
    setShowProblems(true);
    if (invalid || pending) return;
    const outcome = await submitCreate(null, draft);
    const flavor = answerTo(outcome.accepted, flavorCreateRequest(draft))?.flavor;
    if (outcome.status === 'failed' || !flavor) return;
    onClose();
    void navigate(`/flavors/${encodeURIComponent(flavor.id)}`);
  };

  const textField = (field: TextField, { hint, inputMode, testId }: { hint?: ReactNode; inputMode?: 'numeric' | 'decimal'; testId?: string } = {}) => {
    const id = `flavor-create-${field}`;
    const message = problemText(field);
    return (
      <Field id={id} label={t(`flavors.create.${field}`)} hint={hint} error={message}>
        <input
          id={id}
          className={inputClass}
          value={draft[field]}
          inputMode={inputMode}
          autoComplete="off"
          disabled={created !== null}
          onChange={(event) => update({ [field]: event.target.value })}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(id, { hint: hint !== undefined, error: message !== undefined })}
          data-testid={testId ?? id}
        />
      </Field>
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      testId="flavor-create-dialog"
      className="w-[min(44rem,calc(100vw-2rem))]"
      title={t('flavors.create.title')}
      description={t('flavors.create.description')}
      footer={
        <DialogFooter
          cancelLabel={t('flavors.create.cancel')}
          onCancel={onClose}
          formId={formId}
          submitLabel={t('flavors.create.submit')}
          pending={pending}
          submitTestId="flavor-create-submit"
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
        {created && <Notice testId="flavor-created-partially">{t('flavors.create.partial', { name: created.name })}</Notice>}
        <div className="grid gap-3 sm:grid-cols-2">
          {textField('name')}
          {textField('id', { hint: t('flavors.create.idHint') })}
          {textField('vcpus', { inputMode: 'numeric' })}
          {textField('ram', { inputMode: 'numeric' })}
          {textField('disk', { inputMode: 'numeric', hint: t('flavors.create.diskHint') })}
          {textField('ephemeral', { inputMode: 'numeric' })}
          {textField('swap', { inputMode: 'numeric' })}
          {textField('rxtxFactor', { inputMode: 'decimal', hint: t('flavors.create.rxtxHint') })}
        </div>
        <Field id="flavor-create-description" label={t('flavors.create.descriptionField')}>
          <textarea
            id="flavor-create-description"
            rows={2}
            className={textareaClass}
            value={draft.description}
            disabled={created !== null}
            onChange={(event) => update({ description: event.target.value })}
          />
        </Field>
        <label className="flex items-center gap-2 text-sm text-fg">
          <input
            type="checkbox"
            checked={draft.isPublic}
            disabled={created !== null}
            onChange={(event) => update({ isPublic: event.target.checked })}
            data-testid="flavor-create-public"
          />
          {t('flavors.create.public')}
        </label>
        <fieldset className="space-y-2 rounded-md border border-line p-3">
          <legend className="px-1 text-sm font-medium text-fg">{t('flavors.create.extraSpecs')}</legend>
          <ExtraSpecsEditor entries={draft.extraSpecs} onChange={(extraSpecs) => update({ extraSpecs })} />
          {problemText('extraSpecs') && (
            <p role="alert" className="text-xs font-medium text-danger" data-testid="field-error">
              {problemText('extraSpecs')}
            </p>
          )}
        </fieldset>
        {!draft.isPublic && <ProjectChoice chosen={draft.projectIds} onChange={(projectIds) => update({ projectIds })} />}
      </form>
      {error !== null && <ErrorNotice error={error} className="mt-3" />}
      <ActionApiViews
        className="mt-3"
        commands={flavorCreateCli(draft)}
        requests={() => createFlavor.request(null, draft)}
        accepted={accepted}
      />
    </Dialog>
  );
}
