// One stack (deep link /stacks/<name>/<id>): its failure first when it failed, then tabs: overview, outputs,
// resources (nested ones under their holder, linked to their Zenith pages), events (a timeline that grows while Heat
// works), template and environment, and the graph of the resources' dependencies. Polled while Heat works on it,
// with its events after the last one read; the same actions as the list's row menu.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useScope } from '../../../lib/scope';
import { BackLink, DetailHeader, DetailState } from '../../../lib/ui/detail';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import { Notice } from '../../../lib/ui/notice';
import { Tabs, useTabParam } from '../../../lib/ui/tabs';
import { nestedDepth, useStackEvents } from '../../../resources/stacks/events';
import { isInProgress, splitStatus } from '../../../resources/stacks/stack-state';
import { useStackWatch } from '../../../resources/stacks/stack-watch';
import type { PageReads } from '../../../lib/ui/api-reads';
import { stackPath, stackResourcesQueryOptions, useStackPolling, type StackRef } from '../../../resources/stacks/stacks';

/** The stack, its resources (nested ones too), events, template and environment: one call each, as the CLI makes them. */
function stackReads(ref: StackRef): PageReads {
  return {
    commands: [
      ['stack', 'show', ref.id],
      ['stack', 'resource', 'list', '--nested-depth', String(nestedDepth), ref.id],
      ['stack', 'event', 'list', ref.id],
      ['stack', 'template', 'show', ref.id],
      ['stack', 'environment', 'show', ref.id],
    ],
    requests: [stackPath(ref), `${stackPath(ref)}/resources`, `${stackPath(ref)}/events`, `${stackPath(ref)}/template`, `${stackPath(ref)}/environment`],
  };
}
import type { Stack } from '../../../resources/stacks/types';
import { StackEvents } from './stack-events';
import { StackOutputs } from './stack-outputs';
import { StackOverview } from './stack-overview';
import { StackFailure, StackResourceGraph, StackResourcesTable } from './stack-resources-view';
import { HeatStatusBadge } from './stack-status';
import { StackTemplate } from './stack-template';
import { useStackActions } from './use-stack-actions';

const tabs = ['overview', 'outputs', 'resources', 'events', 'template', 'graph'] as const;

function StackDetail({ stack, pending, menu }: { stack: Stack; pending: boolean; menu: ReactNode }) {
  const { t } = useTranslation();
  const scope = useScope();
  const queryClient = useQueryClient();
  const ref: StackRef = { name: stack.stack_name, id: stack.id };
  const [tab, selectTab] = useTabParam(tabs);
  const live = pending || isInProgress(stack.stack_status);
  const events = useStackEvents(scope, ref, { live });
  const resourcesOptions = stackResourcesQueryOptions(scope, ref, nestedDepth);
  const resources = useQuery(resourcesOptions);

  // A new event is a resource changing state: read the resources again then, and only then.
  const eventCount = events.data?.length;
  const seenEvents = useRef(eventCount);
  useEffect(() => {
    if (seenEvents.current !== undefined && eventCount !== seenEvents.current) void queryClient.invalidateQueries({ queryKey: resourcesOptions.queryKey });
    seenEvents.current = eventCount;
  }, [eventCount, queryClient, resourcesOptions.queryKey]);

  const failed = splitStatus(stack.stack_status).outcome === 'FAILED';
  const pendingRead = (read: { error: unknown; data: unknown; refetch: () => unknown }, label: string) =>
    read.error ? <ErrorNotice error={read.error} onRetry={() => void read.refetch()} /> : read.data === undefined ? <LoadingState label={label} /> : null;

  return (
    <>
      <DetailHeader title={stack.stack_name} reads={stackReads(ref)} status={<HeatStatusBadge status={stack.stack_status} pending={pending} />} actions={menu} />
      {failed && <StackFailure stack={stack} resources={resources.data} />}
      <Tabs
        tabs={tabs}
        current={tab}
        onSelect={selectTab}
        label={stack.stack_name}
        tabLabel={(name) =>
          t(`stacks.detail.tabs.${name}`, {
            count: name === 'outputs' ? (stack.outputs?.length ?? 0) : name === 'resources' ? (resources.data?.length ?? 0) : undefined,
          })
        }
      >
        {tab === 'overview' && <StackOverview stack={stack} pending={pending} />}
        {tab === 'outputs' && <StackOutputs outputs={stack.outputs ?? []} />}
        {tab === 'resources' && (pendingRead(resources, t('stacks.detail.loadingResources')) ?? <StackResourcesTable stack={stack} resources={resources.data!} />)}
        {tab === 'events' && (pendingRead(events, t('stacks.events.loading')) ?? <StackEvents stack={stack} events={events.data!} live={live} />)}
        {tab === 'template' && <StackTemplate stack={ref} />}
        {tab === 'graph' && (pendingRead(resources, t('stacks.detail.loadingResources')) ?? <StackResourceGraph stack={stack} resources={resources.data!} />)}
      </Tabs>
    </>
  );
}

export function StackDetailPage() {
  const { t } = useTranslation();
  const { name = '', id = '' } = useParams();
  const scope = useScope();
  const query = useStackPolling(scope, { name, id });
  const watch = useStackWatch(id);
  const actions = useStackActions();

  return (
    <div className="px-6 py-6">
      <BackLink to="/stacks">{t('stacks.detail.back')}</BackLink>
      <div className="mt-3">
        <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      </div>
      <DetailState query={query} loading={t('stacks.detail.loading')} deleted={t('stacks.detail.deleted')} deletedTestId="stack-deleted">
        {(stack) =>
          // Heat still answers a deleted (or abandoned) stack, asked by its id, as DELETE_COMPLETE.
          stack.stack_status === 'DELETE_COMPLETE' ? (
            <Notice className="mt-4" testId="stack-deleted">
              {t('stacks.detail.deleted')}
            </Notice>
          ) : (
            <StackDetail
              stack={stack}
              pending={watch !== undefined}
              menu={
                <Menu
                  label={t('stacks.detail.actions')}
                  trigger={<span className="px-1 font-medium">{t('stacks.detail.actions')}</span>}
                  items={actions.menuItems(stack)}
                  testId="detail-actions"
                />
              }
            />
          )
        }
      </DetailState>
      {/* Outside the stack's part: an abandon's answer stays readable once Heat no longer knows the stack. */}
      {actions.dialogElement}
    </div>
  );
}
