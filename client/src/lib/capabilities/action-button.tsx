// The button that opens an action's own dialog (a create): once the cloud refused the action by policy in this scope
// (a 403 remembered by the runner), it stays in place, disabled, and says why in the service's words.
import type { ButtonHTMLAttributes } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionRefusal } from '../actions/use-action-runner';
import type { ActionDeclaration } from '../actions/types';
import { Button } from '../ui/button';

export function ActionButton({
  action,
  variant,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  action: Pick<ActionDeclaration<never, never>, 'label'>;
  variant?: 'primary' | 'secondary';
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const refusal = useActionRefusal(action);
  if (!refusal) return <Button variant={variant} {...props} />;
  return (
    <span className="inline-flex max-w-sm flex-col items-end gap-1">
      <Button variant={variant} {...props} onClick={undefined} disabled aria-describedby={reasonId} />
      <span id={reasonId} className="text-right text-xs text-fg-muted" data-testid="action-refused">
        {t('capabilities.refused', { reason: refusal.message })}
      </span>
    </span>
  );
}
