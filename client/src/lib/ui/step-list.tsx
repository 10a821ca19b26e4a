// The numbered steps beside a multi-step form (the launch wizard, the load balancer's guided create): each a button
// that says whether it is the current step, done, or has problems (a mark for the eye, a phrase for screen readers).
import clsx from 'clsx';
import { CheckIcon } from './icons';

export interface StepListProps<Step extends string> {
  steps: readonly Step[];
  current: Step;
  label: string;
  testId: string;
  /** The step's title. */
  name: (step: Step) => string;
  /** Said to screen readers after the name of a step with problems. */
  problemsHint: string;
  state: (step: Step, index: number) => { invalid: boolean; done: boolean; disabled: boolean };
  onSelect: (step: Step) => void;
}

export function StepList<Step extends string>({ steps, current, label, testId, name, problemsHint, state, onSelect }: StepListProps<Step>) {
  return (
    <nav aria-label={label}>
      <ol className="flex flex-wrap gap-1 lg:flex-col" data-testid={testId}>
        {steps.map((step, index) => {
          const isCurrent = step === current;
          const { invalid, done, disabled } = state(step, index);
          return (
            <li key={step}>
              <button
                type="button"
                onClick={() => onSelect(step)}
                disabled={disabled}
                aria-current={isCurrent ? 'step' : undefined}
                data-testid={`step-${step}`}
                className={clsx(
                  'flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm disabled:cursor-not-allowed disabled:opacity-60',
                  isCurrent ? 'bg-brand-soft font-semibold text-fg' : 'text-fg-muted hover:bg-sunken hover:text-fg',
                )}
              >
                <span
                  aria-hidden="true"
                  className={clsx(
                    'flex size-5 shrink-0 items-center justify-center rounded-full border text-xs',
                    invalid ? 'border-danger text-danger' : isCurrent || done ? 'border-brand text-brand' : 'border-line-strong',
                  )}
                >
                  {done ? <CheckIcon className="size-3" /> : invalid ? '!' : index + 1}
                </span>
                <span>{name(step)}</span>
                {invalid && <span className="sr-only">{problemsHint}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
