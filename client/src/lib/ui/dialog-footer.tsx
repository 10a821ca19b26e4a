// The buttons at the bottom of a form dialog: cancel (or close, once done) and the submit button of the dialog's
// form, which spins while the request runs.
import { Button } from './button';
import { Spinner } from './spinner';

export function DialogFooter({
  cancelLabel,
  onCancel,
  formId,
  submitLabel,
  pending = false,
  disabled = false,
  destructive = false,
  submitTestId,
}: {
  cancelLabel: string;
  onCancel: () => void;
  /** The id of the form the submit button submits (it sits outside the form, in the dialog's footer). */
  formId: string;
  /** Omitted once there is nothing left to submit: only the cancel (close) button shows. */
  submitLabel?: string;
  pending?: boolean;
  disabled?: boolean;
  destructive?: boolean;
  submitTestId?: string;
}) {
  return (
    <>
      <Button onClick={onCancel}>{cancelLabel}</Button>
      {submitLabel !== undefined && (
        <Button variant={destructive ? 'danger' : 'primary'} type="submit" form={formId} disabled={pending || disabled} data-testid={submitTestId}>
          {pending && <Spinner />}
          {submitLabel}
        </Button>
      )}
    </>
  );
}
