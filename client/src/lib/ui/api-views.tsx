// "CLI | HTTP": what a form or an action will send, as the `openstack` command line and as the HTTP requests,
// written once for every dialog, form and page. Two variants: a disclosure (closed until asked for; dialogs) holding
// the two tabs, and the tabs alone (pages that show their command). The HTTP view is built only once its tab is
// chosen: it may need the service's versions to say which microversion would be sent.
import clsx from 'clsx';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CliCommand } from './cli-command';

export interface ApiViewsProps {
  /** One argv per command, without the leading `openstack`. */
  commands: readonly (readonly string[])[];
  /** The HTTP view (an HttpExchangeView), rendered when shown. */
  http: () => ReactNode;
  variant?: 'disclosure' | 'tabs';
  /** Test id of the disclosure (`action-cli` by default, as the action dialog always had), or of the CLI tab panel. */
  cliTestId?: string;
  /** Test id of the command line itself (CliCommand's). */
  commandTestId?: string;
  httpTestId?: string;
  /** Shown under the command line (what the command cannot say). */
  cliNotes?: ReactNode;
  /** Shown instead of the command line when there is none to show (a form yet to be filled). */
  empty?: ReactNode;
  className?: string;
}

export function ApiViews({ variant = 'disclosure', ...props }: ApiViewsProps) {
  return variant === 'tabs' ? <ApiTabs {...props} /> : <ApiDisclosure {...props} />;
}

function CliPart({ commands, commandTestId, cliNotes, empty }: Pick<ApiViewsProps, 'commands' | 'commandTestId' | 'cliNotes' | 'empty'>) {
  return (
    <>
      {commands.length === 0 && empty ? empty : <CliCommand commands={commands} testId={commandTestId} />}
      {cliNotes}
    </>
  );
}

/**
 * One disclosure ("Show as CLI or HTTP") holding the two tabs: closed, it takes one line of a dialog; opened, it shows
 * the command line, the requests one arrow key away.
 */
function ApiDisclosure({ cliTestId = 'action-cli', httpTestId = 'action-http', className, ...props }: Omit<ApiViewsProps, 'variant'>) {
  const { t } = useTranslation();
  // The command line is there even while closed (its text is the page's too); the requests wait for their tab.
  return (
    <details data-testid={cliTestId} className={clsx('text-sm', className)}>
      <summary className="cursor-pointer text-fg-muted hover:text-fg">{t('apiViews.show')}</summary>
      <ApiTabs {...props} cliTestId={`${cliTestId}-panel`} httpTestId={httpTestId} className="mt-2" />
    </details>
  );
}

const tabNames = ['cli', 'http'] as const;
type TabName = (typeof tabNames)[number];

function ApiTabs({
  commands,
  http,
  cliTestId = 'api-views-cli',
  commandTestId,
  httpTestId = 'api-views-http',
  cliNotes,
  empty,
  className,
}: Omit<ApiViewsProps, 'variant'>) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState<TabName>('cli');
  const tabRefs = useRef<Partial<Record<TabName, HTMLButtonElement | null>>>({});
  const labels: Record<TabName, string> = { cli: t('apiViews.cli'), http: t('apiViews.http') };

  // WAI-ARIA tabs: arrows move between the tabs (and select them), Home and End jump.
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabNames.indexOf(current);
    const next =
      event.key === 'ArrowRight' ? tabNames[(index + 1) % tabNames.length]
      : event.key === 'ArrowLeft' ? tabNames[(index + tabNames.length - 1) % tabNames.length]
      : event.key === 'Home' ? tabNames[0]
      : event.key === 'End' ? tabNames[tabNames.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    setCurrent(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className={clsx('text-sm', className)}>
      <div role="tablist" aria-label={t('apiViews.label')} className="mb-2 flex gap-1 border-b border-line" onKeyDown={onKeyDown}>
        {tabNames.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${name}`}
            aria-selected={current === name}
            aria-controls={`${id}-panel-${name}`}
            tabIndex={current === name ? 0 : -1}
            onClick={() => setCurrent(name)}
            data-testid={`${name === 'cli' ? cliTestId : httpTestId}-tab`}
            className={clsx(
              '-mb-px border-b-2 px-3 py-1.5 text-xs font-medium',
              current === name ? 'border-brand text-fg' : 'border-transparent text-fg-muted hover:text-fg',
            )}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-${current}`}
        aria-labelledby={`${id}-tab-${current}`}
        data-testid={current === 'cli' ? cliTestId : httpTestId}
        className="space-y-1"
      >
        {current === 'cli' ? <CliPart commands={commands} commandTestId={commandTestId} cliNotes={cliNotes} empty={empty} /> : http()}
      </div>
    </div>
  );
}
