// Beside the editor: what the template re-creates (each resource with the one it comes from), what it refers to
// by parameters, and what it does not re-create as it is, so nothing is dropped without the user knowing.
import { useTranslation } from 'react-i18next';
import type { GeneratedTemplate } from '../snapshot';
import { leftOutKey, useOriginText } from './origin-text';

const sectionClass = 'rounded-lg border border-line bg-surface p-4';
const titleClass = 'mb-2 text-sm font-semibold text-fg';

export function TemplateExplanation({ generated }: { generated: GeneratedTemplate }) {
  const { t } = useTranslation();
  const originText = useOriginText();
  const { resources, parameters, leftOut } = generated;

  return (
    <aside className="min-w-0 space-y-4">
      <section className={sectionClass} data-testid="export-left-out">
        <h2 className={titleClass}>{t('stack-export.leftOut.title', { count: leftOut.length })}</h2>
        {leftOut.length === 0 ? (
          <p className="text-sm text-fg-muted">{t('stack-export.leftOut.none')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm text-fg">
            {leftOut.map((item, index) => (
              <li key={index} data-reason={item.reason}>
                {t(leftOutKey(item), { origin: originText(item.origin), detail: item.detail ?? '' })}
              </li>
            ))}
          </ul>
        )}
      </section>

      {parameters.length > 0 && (
        <section className={sectionClass} data-testid="export-parameters">
          <h2 className={titleClass}>{t('stack-export.parameters.title')}</h2>
          <ul className="space-y-1.5 text-sm">
            {parameters.map((parameter) => (
              <li key={parameter.name} className="min-w-0">
                <code className="font-mono text-xs break-all text-fg">{parameter.name}</code>{' '}
                <span className="text-fg-muted">{originText(parameter.origin)}</span>
                <span className="block truncate font-mono text-xs text-fg-muted" title={parameter.default}>
                  {t('stack-export.parameters.default', { value: parameter.default })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={sectionClass} data-testid="export-resources">
        <h2 className={titleClass}>{t('stack-export.resources.title', { count: resources.length })}</h2>
        {resources.length === 0 ? (
          <p className="text-sm text-fg-muted">{t('stack-export.resources.none')}</p>
        ) : (
          <ul className="space-y-1.5 text-sm">
            {resources.map((resource) => (
              <li key={resource.name} className="min-w-0" data-resource={resource.name}>
                <code className="font-mono text-xs break-all text-fg">{resource.name}</code>{' '}
                <span className="text-xs text-fg-muted">{resource.type}</span>
                <span className="block text-xs break-words text-fg-muted">{t('stack-export.from', { origin: originText(resource.origin) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
