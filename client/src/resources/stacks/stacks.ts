// The project's Heat stacks (orchestration service; the endpoint already names the project): one page for the
// stacks list (marker/limit, sort, filters), the nested stacks of one stack, one stack with what it holds (resources,
// events, template, environment), what Heat can build (resource types) and its check of a template (validate), and
// the polling of one stack after a write, patched into the cached pages so a row updates without its page being
// read again.
//
// A stack is always addressed as `<name>/<id>`: `GET /stacks/<name or id>` alone answers a 302 to Heat's own URL,
// which the browser must never follow (the SPA talks to the BFF only).
import { keepPreviousData, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { longestWatch } from '../../lib/api/resource-watch';
import { useScope } from '../../lib/scope';
import { stackListParams, type ListState } from './list-state';
import { isStackPollingDone } from './stack-state';
import { unwatchStack, useStackWatch } from './stack-watch';
import type {
  ResourceTypeSummary,
  Stack,
  StackEvent,
  StackPage,
  StackRequestBody,
  StackResource,
  StackSummary,
  TemplateValidation,
} from './types';

export const stackKeys = scopedQueryKeys('orchestration', 'stacks');
export const resourceTypeKeys = scopedQueryKeys('orchestration', 'resource-types');

/** What names a stack in Heat's paths. */
export interface StackRef {
  name: string;
  id: string;
}

export const stackRef = (stack: Pick<StackSummary, 'stack_name' | 'id'>): StackRef => ({ name: stack.stack_name, id: stack.id });

export const orchestrationPath = '/api/os/orchestration';
export const stacksPath = `${orchestrationPath}/stacks`;
export const stackPath = ({ name, id }: StackRef) => `${stacksPath}/${encodeURIComponent(name)}/${encodeURIComponent(id)}`;
/** Suspend, resume, check, cancel_update are all POSTed here. */
export const stackActionPath = (stack: StackRef) => `${stackPath(stack)}/actions`;
export const validatePath = `${orchestrationPath}/validate`;
export const resourceTypesPath = `${orchestrationPath}/resource_types`;

/** The Zenith page of a stack. */
export const stackPagePath = ({ name, id }: StackRef) => `/stacks/${encodeURIComponent(name)}/${encodeURIComponent(id)}`;

export async function fetchStackPage(state: ListState, signal?: AbortSignal): Promise<StackPage> {
  const { stacks } = await api.get<{ stacks: StackSummary[] }>(stacksPath, { params: stackListParams(state), signal });
  return { stacks, hasMore: stacks.length > state.limit };
}

/** The stacks nested in one stack (a nested stack's `owner_id` is its parent), shown under it on demand. */
export async function fetchNestedStacks(parentId: string, signal?: AbortSignal): Promise<StackSummary[]> {
  const { stacks } = await api.get<{ stacks: StackSummary[] }>(stacksPath, {
    params: { owner_id: parentId, show_nested: 'true', sort_keys: 'stack_name', sort_dir: 'asc' },
    signal,
  });
  return stacks;
}

export async function fetchStack(stack: StackRef, signal?: AbortSignal): Promise<Stack> {
  const answer = await api.get<{ stack: Stack }>(stackPath(stack), { signal });
  return answer.stack;
}

/** Every resource of a stack, and of its nested stacks down to `nestedDepth` levels. */
export async function fetchStackResources(stack: StackRef, nestedDepth = 0, signal?: AbortSignal): Promise<StackResource[]> {
  const { resources } = await api.get<{ resources: StackResource[] }>(`${stackPath(stack)}/resources`, {
    params: nestedDepth > 0 ? { nested_depth: nestedDepth } : {},
    signal,
  });
  return resources;
}

/**
 * A stack's events in the order they happened, after `marker` (the last event already read) when given: a page
 * polling a stack in progress asks only for what is new.
 */
export async function fetchStackEvents(
  stack: StackRef,
  { marker, limit, nestedDepth = 0 }: { marker?: string; limit?: number; nestedDepth?: number } = {},
  signal?: AbortSignal,
): Promise<StackEvent[]> {
  const params: Record<string, string | number> = { sort_dir: 'asc', sort_keys: 'event_time' };
  if (marker) params.marker = marker;
  if (limit) params.limit = limit;
  if (nestedDepth > 0) params.nested_depth = nestedDepth;
  const { events } = await api.get<{ events: StackEvent[] }>(`${stackPath(stack)}/events`, { params, signal });
  return events;
}

/** The template as Heat stored it (parsed: Heat answers JSON whatever the text was). */
export function fetchStackTemplate(stack: StackRef, signal?: AbortSignal): Promise<Record<string, unknown>> {
  return api.get<Record<string, unknown>>(`${stackPath(stack)}/template`, { signal });
}

/** The environment the stack was made with (parameters, parameter_defaults, resource_registry...). */
export function fetchStackEnvironment(stack: StackRef, signal?: AbortSignal): Promise<Record<string, unknown>> {
  return api.get<Record<string, unknown>>(`${stackPath(stack)}/environment`, { signal });
}

/** The resource types this cloud's Heat can build (only those whose service is in the catalog), with descriptions. */
export async function fetchResourceTypes(signal?: AbortSignal): Promise<ResourceTypeSummary[]> {
  const { resource_types } = await api.get<{ resource_types: ResourceTypeSummary[] }>(resourceTypesPath, {
    params: { with_description: 'true' },
    signal,
  });
  return resource_types;
}

/**
 * Heat's own check of a template (and environment, files): its parameters as the form must ask for them, or the
 * reason it refuses it (an ApiError with Heat's message), before any stack exists.
 */
export function validateTemplate(body: Pick<StackRequestBody, 'template' | 'template_url' | 'environment' | 'files'>, signal?: AbortSignal) {
  return api.post<TemplateValidation>(validatePath, body, { signal });
}

export const stackPageQueryOptions = (scope: QueryScope, state: ListState) =>
  queryOptions({
    queryKey: stackKeys.list(scope, { view: 'page', ...stackListParams(state) }),
    queryFn: ({ signal }) => fetchStackPage(state, signal),
    placeholderData: keepPreviousData,
  });

export const nestedStacksQueryOptions = (scope: QueryScope, parentId: string) =>
  queryOptions({
    queryKey: stackKeys.list(scope, { nestedIn: parentId }),
    queryFn: ({ signal }) => fetchNestedStacks(parentId, signal),
  });

export const stackQueryOptions = (scope: QueryScope, stack: StackRef) =>
  queryOptions({
    queryKey: stackKeys.detail(scope, stack.id),
    queryFn: ({ signal }) => fetchStack(stack, signal),
    // A deleted stack stays deleted: no retries on 404.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export const stackResourcesQueryOptions = (scope: QueryScope, stack: StackRef, nestedDepth = 0) =>
  queryOptions({
    queryKey: [...stackKeys.detail(scope, stack.id), 'resources', nestedDepth] as const,
    queryFn: ({ signal }) => fetchStackResources(stack, nestedDepth, signal),
  });

export const stackTemplateQueryOptions = (scope: QueryScope, stack: StackRef) =>
  queryOptions({
    queryKey: [...stackKeys.detail(scope, stack.id), 'template'] as const,
    queryFn: ({ signal }) => fetchStackTemplate(stack, signal),
  });

export const stackEnvironmentQueryOptions = (scope: QueryScope, stack: StackRef) =>
  queryOptions({
    queryKey: [...stackKeys.detail(scope, stack.id), 'environment'] as const,
    queryFn: ({ signal }) => fetchStackEnvironment(stack, signal),
  });

export const resourceTypesQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: resourceTypeKeys.all(scope),
    queryFn: ({ signal }) => fetchResourceTypes(signal),
    // What the cloud can build changes with its deployment, not during a session.
    staleTime: 60 * 60_000,
  });

export function useResourceTypes() {
  return useQuery(resourceTypesQueryOptions(useScope()));
}

function isStackPage(value: unknown): value is StackPage {
  return typeof value === 'object' && value !== null && Array.isArray((value as Partial<StackPage>).stacks);
}

/** Writes a polled stack into every cached page that shows it (or removes it once Heat no longer knows it). */
export function patchStackInPages(queryClient: QueryClient, scope: QueryScope, id: string, stack: Stack | null) {
  for (const [key, page] of queryClient.getQueriesData<unknown>({ queryKey: stackKeys.all(scope) })) {
    if (!isStackPage(page) || !page.stacks.some((row) => row.id === id)) continue;
    queryClient.setQueryData<StackPage>(key, {
      ...page,
      stacks: stack ? page.stacks.map((row) => (row.id === id ? stack : row)) : page.stacks.filter((row) => row.id !== id),
    });
  }
}

export const stackPollInterval = 2000;

/**
 * Reads one stack, and keeps reading it every 2 s while Heat works on it (an IN_PROGRESS status, or a write just
 * sent): each answer is written into the cached list pages. Stops when the stack has settled, or is gone (a deleted
 * stack answers 404, or DELETE_COMPLETE for a moment).
 */
export function useStackPolling(scope: QueryScope, stack: StackRef, { enabled = true } = {}) {
  const watch = useStackWatch(stack.id);
  const query = useQuery({
    ...stackQueryOptions(scope, stack),
    enabled,
    refetchInterval: (current) => {
      const data = current.state.data;
      if (current.state.error) return false;
      if (!data) return stackPollInterval;
      return isStackPollingDone(data, current.state.dataUpdatedAt, watch) ? false : stackPollInterval;
    },
  });
  const { data, dataUpdatedAt, error } = query;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (data) patchStackInPages(queryClient, scope, stack.id, data.stack_status === 'DELETE_COMPLETE' ? null : data);
    if (!watch || !data) return;
    if (isStackPollingDone(data, dataUpdatedAt, watch) || dataUpdatedAt - watch.since > longestWatch) unwatchStack(stack.id);
  }, [data, dataUpdatedAt, queryClient, scope, stack.id, watch]);
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) {
      patchStackInPages(queryClient, scope, stack.id, null);
      unwatchStack(stack.id);
    }
  }, [error, queryClient, scope, stack.id]);
  return query;
}
