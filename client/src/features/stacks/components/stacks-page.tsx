// The stacks list: one Heat page as the URL says (size, position, sort, filters), the nested stacks of a stack
// shown under it on demand (one Heat read each), rows that change polled one by one, row menus and bulk delete; the
// project's own actions: launch a stack, export a template (pages of their own) and adopt abandoned resources.
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import clsx from 'clsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { pageWindow } from '../../../lib/api/page-window';
import { relativeAge } from '../../../lib/relative-age';
import { useScope } from '../../../lib/scope';
import { rowActionsColumn } from '../../../lib/ui/columns';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { ChevronDownIcon } from '../../../lib/ui/icons';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import type { PageReads } from '../../../lib/ui/api-reads';
import { Spinner } from '../../../lib/ui/spinner';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { listCodec, stackListParams, type ListState } from '../../../resources/stacks/list-state';
import { heatTime, isInProgress, isStackSettled } from '../../../resources/stacks/stack-state';
import { useWatchedStacks } from '../../../resources/stacks/stack-watch';
import { nestedStacksQueryOptions, stackPageQueryOptions, stackPagePath, stackPollInterval, stackRef, stacksPath } from '../../../resources/stacks/stacks';

/**
 * `openstack stack list` with the page's filters as Heat's (`--property` goes to Heat as a filter: name, and the
 * status split into Heat's action and status) and its sort, which Heat applies too. Nested stacks are read on
 * demand with the same call (`owner_id`). Not `--long`: it lists every project's stacks (admin only).
 */
function stackReads(state: ListState): PageReads {
  const params = stackListParams(state);
  const filters = (['name', 'action', 'status'] as const).flatMap((name) => (params[name] === undefined ? [] : ['--property', `${name}=${String(params[name])}`]));
  return {
    commands: [['stack', 'list', ...filters, '--sort', `${state.sort}:${state.direction}`]],
    requests: [stacksPath],
  };
}
import type { StackPage, StackSummary } from '../../../resources/stacks/types';
import { adoptStack, bulkStackActions } from '../actions';
import { StackFilters } from './stack-filters';
import { StackPoller } from './stack-poller';
import { indentClass } from './indent';
import { HeatStatusBadge, StatusReason } from './stack-status';
import { useStackActions } from './use-stack-actions';

const muted = <span className="text-fg-muted">—</span>;

const windowOf = (state: ListState, page: StackPage | undefined) => pageWindow(state, page?.stacks ?? []);
const linkButton = 'inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium';


/** The page's rows with the nested stacks of each expanded row right under it, each with its depth. */
export function withNestedRows(
  rows: readonly StackSummary[],
  nestedOf: (id: string) => readonly StackSummary[] | undefined,
): { rows: StackSummary[]; depth: Map<string, number> } {
  const shown: StackSummary[] = [];
  const depth = new Map<string, number>();
  const visit = (stack: StackSummary, level: number) => {
    // A stack shows once, even if Heat listed it on the page too.
    if (depth.has(stack.id)) return;
    shown.push(stack);
    depth.set(stack.id, level);
    for (const child of nestedOf(stack.id) ?? []) visit(child, level + 1);
  };
  for (const row of rows) visit(row, 0);
  return { rows: shown, depth };
}

export function StacksPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;

  const page = useQuery(stackPageQueryOptions(scope, state));
  const shown = useMemo(() => windowOf(state, page.data), [state, page.data]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const expandedIds = [...expanded];
  const nested = useQueries({
    queries: expandedIds.map((id) => ({
      ...nestedStacksQueryOptions(scope, id),
      // Nested stacks change with their parent: read again while one of them is in progress.
      refetchInterval: (query: { state: { data?: StackSummary[] } }) => (query.state.data?.some((stack) => isInProgress(stack.stack_status)) ? stackPollInterval : false),
    })),
  });
  const nestedById = new Map(expandedIds.map((id, index) => [id, nested[index]!]));
  const { rows, depth } = withNestedRows(shown.rows, (id) => nestedById.get(id)?.data);

  const watched = useWatchedStacks();
  const actions = useStackActions();
  const adoption = useResourceActions({ actions: [adoptStack], identify: identifyProject });
  // Ages count from when the page was read, so they do not shift while the user looks at them.
  const now = page.dataUpdatedAt;
  const changing = rows.filter((stack) => watched.has(stack.id) || !isStackSettled(stack));

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const time = (value: string | null) =>
    value ? (
      <time dateTime={value} title={new Date(heatTime(value)).toLocaleString(language)} className="whitespace-nowrap">
        {relativeAge(heatTime(value), now, language)}
      </time>
    ) : (
      muted
    );

  const columns: ColumnDef<StackSummary>[] = [
    {
      id: 'stack_name',
      header: t('stacks.columns.name'),
      enableSorting: true,
      cell: ({ row }) => {
        const stack = row.original;
        const children = nestedById.get(stack.id);
        const open = expanded.has(stack.id);
        return (
          <div className={clsx('flex items-start gap-1', indentClass(depth.get(stack.id) ?? 0))}>
            <button
              type="button"
              onClick={() => toggle(stack.id)}
              aria-expanded={open}
              aria-label={t('stacks.list.nested', { name: stack.stack_name })}
              title={t('stacks.list.nested', { name: stack.stack_name })}
              className="mt-0.5 rounded p-0.5 text-fg-muted hover:bg-sunken hover:text-fg"
              data-testid="stack-expand"
            >
              {open && children?.isPending ? <Spinner className="size-3.5" /> : <ChevronDownIcon className={clsx('size-3.5', !open && '-rotate-90')} />}
            </button>
            <div className="min-w-0">
              <Link to={stackPagePath(stackRef(stack))} className="font-medium text-brand hover:underline" data-testid="stack-name">
                {stack.stack_name}
              </Link>
              {stack.parent && <p className="text-xs text-fg-muted">{t('stacks.list.nestedStack')}</p>}
              {open && children?.data?.length === 0 && (
                <p className="text-xs text-fg-muted" data-testid="stack-no-nested">
                  {t('stacks.list.noNested')}
                </p>
              )}
            </div>
          </div>
        );
      },
    },
    {
      id: 'stack_status',
      header: t('stacks.columns.status'),
      enableSorting: true,
      cell: ({ row }) => (
        <div className="space-y-0.5">
          <HeatStatusBadge status={row.original.stack_status} pending={watched.has(row.original.id)} />
          <StatusReason status={row.original.stack_status} reason={row.original.stack_status_reason} clamp />
        </div>
      ),
    },
    { id: 'creation_time', header: t('stacks.columns.created'), enableSorting: true, cell: ({ row }) => time(row.original.creation_time) },
    { id: 'updated_time', header: t('stacks.columns.updated'), enableSorting: true, cell: ({ row }) => time(row.original.updated_time) },
    {
      id: 'tags',
      header: t('stacks.columns.tags'),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.tags?.length ? (
          <ul className="flex flex-wrap gap-1" data-testid="stack-tags">
            {row.original.tags.map((tag) => (
              <li key={tag} className="rounded-full bg-sunken px-2 py-0.5 text-xs text-fg">
                {tag}
              </li>
            ))}
          </ul>
        ) : (
          muted
        ),
    },
    rowActionsColumn({
      header: t('stacks.list.rowActionsColumn'),
      label: (stack) => t('stacks.list.rowActions', { name: stack.stack_name }),
      items: (stack) => actions.menuItems(stack),
    }),
  ];

  const nestedErrors = expandedIds.flatMap((id) => {
    const read = nestedById.get(id);
    return read?.error ? [{ id, read }] : [];
  });

  return (
    <ResourceListPage
      title={t('stacks.list.title')}
      subtitle={t('stacks.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={stackReads(state)}
      headerActions={
        <>
          <ActionButton action={adoptStack} onClick={() => adoption.trigger(adoptStack, [projectTarget(scope)])} data-testid="adopt-stack">
            {t('stacks.actions.adopt.label')}
          </ActionButton>
          <Link to="/stacks/export" className={clsx(linkButton, 'border border-line-strong bg-surface text-fg hover:bg-sunken')} data-testid="export-template">
            {t('stacks.list.export')}
          </Link>
          <Link to="/stacks/launch" className={clsx(linkButton, 'bg-brand text-on-brand hover:bg-brand-hover')} data-testid="launch-stack">
            {t('stacks.list.launch')}
          </Link>
        </>
      }
      toolbar={<StackFilters filters={state.filters} onApply={list.applyFilters} />}
      rowActions={actions}
      bulkActions={bulkStackActions}
      notices={nestedErrors.map(({ id, read }) => (
        <ErrorNotice key={id} error={read.error} onRetry={() => void read.refetch()} />
      ))}
      table={{
        testId: 'stacks-table',
        label: t('stacks.list.table'),
        columns,
        rowName: (stack) => stack.stack_name,
        ...list.table(shown, (stack) => stack.id, { query: (position) => stackPageQueryOptions(scope, position), windowOf }),
        rows,
        selectable: rows,
      }}
      empty={{
        loading: t('stacks.list.loading'),
        title: t('stacks.list.empty'),
        hint: t('stacks.list.emptyHint'),
        filtered: list.filtered ? { noMatch: t('stacks.list.noMatch'), clear: { label: t('stacks.list.clearFilters'), onClear: list.clearFilters } } : undefined,
      }}
      otherActions={[adoption]}
    >
      {changing.map((stack) => (
        <StackPoller key={stack.id} scope={scope} stack={stack} />
      ))}
    </ResourceListPage>
  );
}
