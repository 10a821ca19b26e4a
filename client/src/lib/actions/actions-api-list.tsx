// Each of a resource's actions as the `openstack` command and the HTTP requests it would send: the instance page's
// CLI tab, and the dialog the row menu opens for actions that run straight away (no form, no confirmation, so no
// dialog of their own to show it in).
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { ActionApiViews } from './action-http-view';
import type { AnyActionDeclaration } from './types';

/** Runs without a dialog: the only place to see its calls is this list. */
export const runsDirectly = <Resource,>(action: AnyActionDeclaration<Resource>) => !action.input && !action.confirmation;

export function ActionsApiList<Resource>({
  actions,
  resource,
}: {
  actions: readonly AnyActionDeclaration<Resource>[];
  resource: Resource;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      {actions.map((action) => {
        const reason = action.unavailableReason(resource);
        const initial: unknown = action.input ? action.input.initial(resource) : undefined;
        // An input the user has yet to choose (a flavor, a volume...) would make a command with empty arguments.
        const needsInput = action.input?.invalidReason?.(initial, resource) != null;
        const commands = needsInput ? [] : action.cli(resource, initial);
        return (
          <div key={action.id} data-testid={`cli-${action.id}`}>
            <p className="mb-1 text-sm font-medium">
              {t(action.label)}
              {reason && <span className="ml-2 text-xs font-normal text-fg-muted">({t('apiViews.unavailable')})</span>}
            </p>
            {needsInput ? (
              <p className="text-xs text-fg-muted">{t('apiViews.needsInput')}</p>
            ) : (
              <ActionApiViews
                variant="tabs"
                commands={commands}
                requests={() => action.request(resource, initial)}
                cliTestId={`api-cli-${action.id}`}
                httpTestId={`api-http-${action.id}`}
                commandTestId={`cli-command-${action.id}`}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

export function ActionsApiDialog<Resource>({
  actions,
  resource,
  name,
  onClose,
}: {
  actions: readonly AnyActionDeclaration<Resource>[];
  resource: Resource;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open
      onClose={onClose}
      testId="actions-api-dialog"
      title={t('apiViews.dialogTitle', { name })}
      description={t('apiViews.dialogIntro')}
      className="w-[min(48rem,calc(100vw-2rem))]"
      footer={<Button onClick={onClose}>{t('actions.close')}</Button>}
    >
      <ActionsApiList actions={actions} resource={resource} />
    </Dialog>
  );
}
