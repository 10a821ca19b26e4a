// "Launch as a stack": in this project or another one. Another project is switched to first, as the top bar's
// project switcher does it, since a stack is made in the session's project; the launch page then gets the template
// (router state `{ template }`, its contract) and the user names the stack and fills its parameters there.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { SelectField } from '../../../lib/ui/select-field';
import { Spinner } from '../../../lib/ui/spinner';
import { useProjects } from '../../../resources/session/projects';
import { useSwitchScope } from '../../../resources/session/switch-scope';

export const launchStackPath = '/stacks/launch';

export function LaunchAsStack({ template }: { template: string }) {
  const { t } = useTranslation();
  const scope = useScope();
  const projects = useProjects();
  const switchScope = useSwitchScope();
  const navigate = useNavigate();
  const [projectId, setProjectId] = useState(scope.projectId);

  const options = (projects.data ?? [{ id: scope.projectId, name: scope.projectName }]).map((project) => ({ value: project.id, label: project.name }));

  const launch = async () => {
    // The text is taken now: switching project reads the new project's resources, not this template.
    const state = { template };
    if (projectId !== scope.projectId) await switchScope.mutateAsync({ projectId });
    await navigate(launchStackPath, { state });
  };

  return (
    <section className="rounded-lg border border-line bg-surface p-4" data-testid="export-launch">
      <h2 className="text-sm font-semibold text-fg">{t('stack-export.launch.title')}</h2>
      <p className="mt-1 mb-3 text-sm text-fg-muted">{t('stack-export.launch.hint')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-72">
          <SelectField label={t('stack-export.launch.project')} value={projectId} onChange={setProjectId} options={options} testId="export-project" />
        </div>
        <Button variant="primary" onClick={() => void launch().catch(() => undefined)} disabled={switchScope.isPending} data-testid="export-launch-button">
          {switchScope.isPending && <Spinner />}
          {t('stack-export.launch.button')}
        </Button>
      </div>
      {projects.isError && <ErrorNotice error={projects.error} onRetry={() => void projects.refetch()} className="mt-3" />}
      {switchScope.isError && <ErrorNotice error={switchScope.error} className="mt-3" />}
    </section>
  );
}
