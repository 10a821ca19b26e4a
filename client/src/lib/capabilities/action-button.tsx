// The buttons that open an action's own dialog or form (a create): once the cloud refused the action by policy in
// this scope (a 403 remembered by the runner), they stay in place, disabled, and say why in the service's words.
import clsx from 'clsx';
import type { ButtonHTMLAttributes } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionRefusal } from '../actions/use-action-runner';
import type { ActionDeclaration } from '../actions/types';
import { Button } from '../ui/button';

type ActionButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary';
  'data-testid'?: string;
};

/**
 * Several buttons opening forms of the same action (create a key pair, import one: one Nova call): greyed together,
 * the reason said once, under them (`align` end for a page header's buttons, start for a toolbar's).
 */
export function ActionButtons({
  action,
  buttons,
  align = 'end',
}: {
  action: Pick<ActionDeclaration<never, never>, 'label'>;
  buttons: readonly ActionButtonProps[];
  align?: 'start' | 'end';
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const refusal = useActionRefusal(action);
  // The buttons are fixed in number and order: their index is their key.
  if (!refusal) return buttons.map((props, index) => <Button key={index} {...props} />);
  return (
    <span className={clsx('inline-flex max-w-sm flex-col gap-1', align === 'end' ? 'items-end text-right' : 'items-start')}>
      <span className="inline-flex flex-wrap gap-2">
        {buttons.map((props, index) => (
          <Button key={index} {...props} onClick={undefined} disabled aria-describedby={reasonId} />
        ))}
      </span>
      <span id={reasonId} className="text-xs text-fg-muted" data-testid="action-refused">
        {t('capabilities.refused', { reason: refusal.message })}
      </span>
    </span>
  );
}

/** The button that opens an action's own dialog (a create). */
export function ActionButton({ action, ...props }: ActionButtonProps & { action: Pick<ActionDeclaration<never, never>, 'label'> }) {
  return <ActionButtons action={action} buttons={[props]} />;
}
