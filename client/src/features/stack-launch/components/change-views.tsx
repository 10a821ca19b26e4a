// An update's changes against the stack as it is: the template's changed lines (unified diff, with line numbers of
// the current and the new text) and each parameter whose value would change. Hidden values never show.
import clsx from 'clsx';
import type { StructuredPatchHunk } from 'diff';
import { useTranslation } from 'react-i18next';
import { hiddenValue } from '../model/stack-request';
import type { ParameterChange } from '../model/stack-change';

export function TemplateDiff({ hunks }: { hunks: readonly StructuredPatchHunk[] }) {
  const { t } = useTranslation();
  if (hunks.length === 0) return <p className="text-sm text-fg-muted" data-testid="template-unchanged">{t('stack-launch.update.templateUnchanged')}</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-line bg-sunken" data-testid="template-diff">
      {hunks.map((hunk) => (
        <pre key={`${hunk.oldStart}-${hunk.newStart}`} className="py-1 font-mono text-xs leading-relaxed text-fg">
          <span className="block px-3 text-fg-muted">{`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`}</span>
          {hunk.lines.map((line, index) => {
            const kind = line[0] === '+' ? 'added' : line[0] === '-' ? 'removed' : 'context';
            return (
              <span
                key={index}
                data-change={kind}
                className={clsx(
                  'block px-3 whitespace-pre',
                  kind === 'added' && 'bg-ok/15 text-fg',
                  kind === 'removed' && 'bg-danger/15 text-fg',
                )}
              >
                {line}
              </span>
            );
          })}
        </pre>
      ))}
    </div>
  );
}

export function ParameterDiff({ changes }: { changes: readonly ParameterChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="text-sm text-fg-muted" data-testid="parameters-unchanged">{t('stack-launch.update.parametersUnchanged')}</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="parameter-diff">
      <thead className="text-xs text-fg-muted">
        <tr>
          <th className="py-1 pr-3 font-medium">{t('stack-launch.update.parameter')}</th>
          <th className="py-1 pr-3 font-medium">{t('stack-launch.update.before')}</th>
          <th className="py-1 font-medium">{t('stack-launch.update.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.name} className="border-t border-line" data-testid="parameter-change" data-name={change.name}>
            <td className="py-1 pr-3 font-mono text-xs text-fg">{change.name}</td>
            <td className="py-1 pr-3 font-mono text-xs text-danger">
              {change.before === undefined ? t('stack-launch.update.new') : change.hidden ? hiddenValue : change.before}
            </td>
            <td className="py-1 font-mono text-xs text-ok">{change.hidden ? hiddenValue : change.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
