// A stack's outputs: each value as Heat resolved it (a string as is, anything else as indented JSON), or Heat's
// reason it could not resolve it (the resource it reads failed, a function got the wrong input).
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../lib/ui/icons';
import type { StackOutput } from '../../../resources/stacks/types';

/** How an output's value reads: strings as they are, everything else as indented JSON. */
export const outputText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? null, null, 2));

export function StackOutputs({ outputs }: { outputs: readonly StackOutput[] }) {
  const { t } = useTranslation();
  if (outputs.length === 0) return <p className="text-sm text-fg-muted">{t('stacks.detail.noOutputs')}</p>;
  const sorted = [...outputs].sort((a, b) => a.output_key.localeCompare(b.output_key));
  return (
    <ul className="space-y-3" data-testid="stack-outputs">
      {sorted.map((output) => (
        <li key={output.output_key} className="rounded-lg border border-line bg-surface p-3" data-testid="stack-output" data-key={output.output_key}>
          <p className="font-mono text-sm font-semibold text-fg">{output.output_key}</p>
          {output.description && output.description !== 'No description given' && <p className="mt-0.5 text-sm text-fg-muted">{output.description}</p>}
          {output.output_error ? (
            <p className="mt-2 flex gap-2 rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-fg" data-testid="stack-output-error">
              <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
              <span>
                <span className="font-medium">{t('stacks.detail.outputError')}</span> {output.output_error}
              </span>
            </p>
          ) : (
            <pre className="mt-2 overflow-x-auto rounded-md bg-sunken px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap text-fg select-all" data-testid="stack-output-value">
              {outputText(output.output_value)}
            </pre>
          )}
        </li>
      ))}
    </ul>
  );
}
