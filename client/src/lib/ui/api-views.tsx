// "CLI | HTTP": what a form or an action will send, as the `openstack` command line and as the HTTP requests,
// written once for every dialog, form and page. Two variants: disclosures (closed until asked for; dialogs) and tabs
// (the command line shown, the requests one tab away; pages that show their command). The HTTP view is built only
// once it is asked for: it may need the service's versions to say which microversion would be sent.
import clsx from 'clsx';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CliCommand } from './cli-command';

export interface ApiViewsProps {
  /** One argv per command, without the leading `openstack`. */
  commands: readonly (readonly string[])[];
  /** The HTTP view (an HttpExchangeView), rendered when shown. */
  http: () => ReactNode;
  variant?: 'disclosures' | 'tabs';
  /** Test id of the CLI disclosure or tab panel (`action-cli` by default, as the action dialog always had). */
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

export function ApiViews({ variant = 'disclosures', ...props }: ApiViewsProps) {
  return variant === 'tabs' ? <ApiTabs {...props} /> : <ApiDisclosures {...props} />;
}

function CliPart({ commands, commandTestId, cliNotes, empty }: Pick<ApiViewsProps, 'commands' | 'commandTestId' | 'cliNotes' | 'empty'>) {
  return (
    <>
      {commands.length === 0 && empty ? empty : <CliCommand commands={commands} testId={commandTestId} />}
      {cliNotes}
    </>
  );
}

function ApiDisclosures({
  commands,
  http,
  cliTestId = 'action-cli',
  commandTestId,
  httpTestId = 'action-http',
  cliNotes,
  empty,
  className,
}: Omit<ApiViewsProps, 'variant'>) {
  const { t } = useTranslation();
  const [httpOpen, setHttpOpen] = useState(false);
  return (
    <div className={clsx('space-y-2 text-sm', className)}>
      <details data-testid={cliTestId}>
        <summary className="cursor-pointer text-fg-muted hover:text-fg">{t('apiViews.showCli')}</summary>
        <div className="mt-2 space-y-1">
          <CliPart commands={commands} commandTestId={commandTestId} cliNotes={cliNotes} empty={empty} />
        </div>
      </details>
      <details data-testid={httpTestId} onToggle={(event) => setHttpOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer text-fg-muted hover:text-fg">{t('apiViews.showHttp')}</summary>
        {httpOpen && <div className="mt-2">{http()}</div>}
      </details>
    </div>
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
