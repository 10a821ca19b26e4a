// Admin: one project's compute, network and block storage quotas (and load balancing where the catalog has Octavia)
// in one form, or the defaults every project starts from. Whole numbers, -1 = unlimited; the changes are listed
// (from → to) before saving, and a limit below current usage needs an explicit confirmation.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { BackLink, DetailSection, DetailState } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { describedBy, FieldError, inputClass } from '../../../lib/ui/form-controls';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Notice } from '../../../lib/ui/notice';
import { PageHeader } from '../../../lib/ui/page-header';
import { useProject, useProjectsAndDomains } from '../../../resources/identity/identity';
import { editableServices, quotaKeys, quotaUpdateRequests, updateQuotas, useTargetQuotas, type QuotaTarget } from '../../../resources/quotas/quotas';
import { changesByService, checkDraft, draftOf, editableKeys, quotaSetCommands, type QuotaDraft } from '../edit';
import type { ProjectQuotas, QuotaService, QuotaValue } from '../../../resources/quotas/types';

const services: readonly QuotaService[] = ['compute', 'network', 'block-storage', 'load-balancer'];

function ServiceFields({
  service,
  quotas,
  draft,
  problems,
  onChange,
  readOnly,
}: {
  service: QuotaService;
  quotas: ProjectQuotas;
  draft: QuotaDraft;
  problems: Record<string, string>;
  onChange: (key: string, value: string) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const answer = quotas[service];
  if (answer instanceof Error) return <ErrorNotice error={answer} />;
  const values = answer as Record<string, QuotaValue | undefined>;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {editableKeys[service]
        .filter((key) => values[key] !== undefined)
        .map((key) => {
          const id = `quota-${service}-${key}`;
          const problem = problems[`${service}.${key}`];
          return (
            <div key={key}>
              <label htmlFor={id} className="block text-sm font-medium text-fg">
                {t(`quotas.keys.${key}` as 'quotas.keys.instances')}
              </label>
              <input
                id={id}
                inputMode="numeric"
                value={draft[service][key] ?? ''}
                onChange={(event) => onChange(key, event.target.value)}
                readOnly={readOnly}
                aria-invalid={problem ? true : undefined}
                aria-describedby={describedBy(id, { hint: true, error: Boolean(problem) })}
                className={`${inputClass} mt-1`}
                data-testid={id}
              />
              <p id={`${id}-hint`} className="mt-0.5 text-xs text-fg-muted">
                {readOnly ? t('quotas.defaults.fromConfiguration') : t('quotas.edit.inUse', { used: values[key]!.used })}
              </p>
              <FieldError id={`${id}-error`} message={problem} />
            </div>
          );
        })}
    </div>
  );
}

function QuotaEditor({ target }: { target: QuotaTarget }) {
  const { t } = useTranslation();
  const scope = useScope();
  const queryClient = useQueryClient();
  const quotas = useTargetQuotas(target);
  const identity = useProjectsAndDomains();
  const projectName =
    target.kind === 'project' ? (identity.data?.projects.find((project) => project.id === target.projectId)?.name ?? target.projectId) : undefined;
  const editable = editableServices(target);
  const [draft, setDraft] = useState<QuotaDraft | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const current = draft ?? (quotas.data ? draftOf(quotas.data) : null);
  const check = useMemo(() => (current && quotas.data ? checkDraft(current, quotas.data) : null), [current, quotas.data]);
  const problems = useMemo(
    () => Object.fromEntries(Object.entries(check?.problems ?? {}).map(([field, key]) => [field, t(key)])),
    [check, t],
  );
  const save = useMutation({
    mutationFn: () => updateQuotas(target, changesByService(check!.changes), confirmed),
    onSuccess: () => {
      setDraft(null);
      setConfirmed(false);
    },
    // A partial save (one service refused) must show what each service now holds.
    onSettled: () => queryClient.invalidateQueries({ queryKey: quotaKeys.detail(scope, target.kind === 'project' ? target.projectId : 'defaults') }),
  });

  const blocked = !check || Object.keys(check.problems).length > 0 || check.changes.length === 0 || (check.belowUsage.length > 0 && !confirmed);

  return (
    <div className="space-y-4 px-6 py-6">
      <BackLink to="/admin/quotas">{t('quotas.review.title')}</BackLink>
      <PageHeader
        title={projectName === undefined ? t('quotas.defaults.title') : t('quotas.edit.title', { project: projectName })}
        subtitle={projectName === undefined ? t('quotas.defaults.subtitle') : t('quotas.edit.subtitle')}
      />
      {quotas.error ? (
        <ErrorNotice error={quotas.error} onRetry={() => void quotas.refetch()} />
      ) : !quotas.data || !current || !check ? (
        <LoadingState label={t('quotas.edit.loading')} />
      ) : (
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!blocked) save.mutate();
          }}
        >
          {services.filter((service) => quotas.data[service] !== undefined).map((service) => (
            <DetailSection key={service} title={t(`quotas.services.${service}`)} testId={`quota-section-${service}`}>
              <ServiceFields
                service={service}
                quotas={quotas.data}
                draft={current}
                problems={problems}
                readOnly={!editable.includes(service)}
                onChange={(key, value) => {
                  save.reset();
                  setDraft({ ...current, [service]: { ...current[service], [key]: value } });
                }}
              />
            </DetailSection>
          ))}
          <DetailSection title={t('quotas.edit.changes')} testId="quota-diff">
            {check.changes.length === 0 ? (
              <p className="text-sm text-fg-muted">{save.isSuccess ? t('quotas.edit.saved') : t('quotas.edit.noChanges')}</p>
            ) : (
              <>
                <ul className="space-y-1 text-sm">
                  {check.changes.map((change) => (
                    <li key={`${change.service}.${change.key}`} data-testid="quota-change">
                      {t(`quotas.keys.${change.key}` as 'quotas.keys.instances')}: <span className="tabular-nums">{change.from}</span> → <strong className="tabular-nums">{change.to}</strong>
                      {check.belowUsage.includes(change) && <span className="ml-2 text-danger">{t('quotas.edit.belowUsage', { used: change.used })}</span>}
                    </li>
                  ))}
                </ul>
                {check.belowUsage.length > 0 && (
                  <label className="mt-3 flex items-center gap-2 text-sm text-fg">
                    <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} className="size-4 accent-brand" data-testid="confirm-below-usage" />
                    {t('quotas.edit.confirmBelowUsage')}
                  </label>
                )}
                <ActionApiViews
                  variant="tabs"
                  className="mt-3"
                  commands={quotaSetCommands(projectName === undefined ? 'defaults' : { projectName }, check.changes, confirmed)}
                  requests={() =>
                    quotaUpdateRequests(target, changesByService(check.changes), confirmed).map((call) => ({ method: 'PUT' as const, ...call }))
                  }
                />
              </>
            )}
          </DetailSection>
          {save.error && <ErrorNotice error={save.error} />}
          {save.isSuccess && check.changes.length === 0 && (
            <Notice testId="quota-saved">{t('quotas.edit.saved')}</Notice>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="primary" type="submit" disabled={blocked || save.isPending} data-testid="save-quotas">
              {save.isPending ? t('quotas.edit.saving') : t('quotas.edit.save')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

export function QuotaEditPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  // Nova refuses the quotas of a project that does not exist, but Neutron and Cinder answer (and would store) their
  // defaults for any id: the project is read first, and an id Keystone does not know is "not found".
  const project = useProject(projectId);
  if (project.data) return <QuotaEditor target={{ kind: 'project', projectId }} />;
  return (
    <div className="space-y-4 px-6 py-6">
      <BackLink to="/admin/quotas">{t('quotas.review.title')}</BackLink>
      <DetailState query={project} loading={t('quotas.edit.loading')} deleted={t('quotas.edit.projectMissing')} deletedTestId="quota-project-missing">
        {() => null}
      </DetailState>
    </div>
  );
}

export function DefaultQuotasPage() {
  return <QuotaEditor target={{ kind: 'defaults' }} />;
}
