// What Heat answered to an abandon, shown once: Heat no longer knows the stack, and this data is the only way to
// adopt its resources back into a stack (download it). The resources themselves stay where they are.
import { useTranslation } from 'react-i18next';
import { answerTo } from '../../../lib/actions/run-action';
import type { ActionAnswerProps } from '../../../lib/actions/types';
import { Button } from '../../../lib/ui/button';
import { downloadBlob } from '../../../lib/ui/download';
import { AlertIcon } from '../../../lib/ui/icons';
import { abandonStackRequest } from '../../../resources/stacks/stack-actions';
import { stackRef } from '../../../resources/stacks/stacks';
import type { StackSummary } from '../../../resources/stacks/types';

export function AbandonAnswer({ resource: stack, accepted }: ActionAnswerProps<StackSummary, undefined>) {
  const { t } = useTranslation();
  const data = answerTo(accepted, abandonStackRequest(stackRef(stack)));
  if (!data) return null;
  const text = JSON.stringify(data, null, 2);
  const fileName = `${stack.stack_name}-abandon.json`;
  return (
    <div className="space-y-3 text-sm" data-testid="abandon-answer">
      <div role="alert" className="flex gap-2 rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-fg" data-testid="abandon-shown-once">
        <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
        <p>{t('stacks.actions.abandon.shownOnce', { count: Object.keys(data.resources).length })}</p>
      </div>
      <Button variant="primary" onClick={() => downloadBlob(fileName, new Blob([text], { type: 'application/json' }))} data-testid="abandon-download">
        {t('stacks.actions.abandon.download', { file: fileName })}
      </Button>
      <pre className="max-h-64 overflow-auto rounded-md border border-line bg-sunken p-2 font-mono text-xs text-fg" tabIndex={0} data-testid="abandon-data">
        {text}
      </pre>
    </div>
  );
}
