// What Heat says about a template before a stack is made or changed: its validation (the parameters a form must ask
// for, or Heat's reason for refusing it), the intrinsic functions its version offers (editor hints), what a new
// stack would hold (`POST /stacks/preview`) and what an update would add, replace, update or delete
// (`PATCH /stacks/<name>/<id>/preview`, which keeps the stack's current parameters, as the update itself does).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { orchestrationPath, stackPath, stacksPath, validateTemplate, type StackRef } from './stacks';
import type { StackPreview, StackRequestBody, TemplateFunction, UpdatePreview } from './types';

export const templateCheckKeys = scopedQueryKeys('orchestration', 'template-checks');

export type TemplateSource = Pick<StackRequestBody, 'template' | 'template_url' | 'environment_files' | 'files'>;

/**
 * Heat's validation of one template (and its environment files), kept only briefly: an editor asks again as the
 * text changes, and a refusal is an answer to show, not a failure to retry.
 */
export const templateValidationQueryOptions = (scope: QueryScope, source: TemplateSource) =>
  queryOptions({
    queryKey: templateCheckKeys.list(scope, { validate: source }),
    queryFn: ({ signal }) => validateTemplate(source, signal),
    retry: false,
    staleTime: 60_000,
    gcTime: 60_000,
  });

/**
 * The intrinsic functions of a template version (`heat_template_version` value: a date or a release name). Heat
 * names versions `heat_template_version.<value>`.
 */
export async function fetchTemplateFunctions(version: string, signal?: AbortSignal): Promise<TemplateFunction[]> {
  const path = `${orchestrationPath}/template_versions/${encodeURIComponent(`heat_template_version.${version}`)}/functions`;
  const { template_functions } = await api.get<{ template_functions: TemplateFunction[] }>(path, { signal });
  return template_functions;
}

export const templateFunctionsQueryOptions = (scope: QueryScope, version: string) =>
  queryOptions({
    queryKey: templateCheckKeys.list(scope, { functionsOf: version }),
    queryFn: ({ signal }) => fetchTemplateFunctions(version, signal),
    // A version's functions are fixed by the Heat release; an unknown version is simply not offered hints.
    staleTime: 60 * 60_000,
    retry: false,
  });

export function useTemplateFunctions(version: string | undefined) {
  const scope = useScope();
  return useQuery({ ...templateFunctionsQueryOptions(scope, version ?? ''), enabled: Boolean(version) });
}

/** What `POST /stacks` with this body would create, without creating anything. */
export async function previewStack(body: StackRequestBody, signal?: AbortSignal): Promise<StackPreview> {
  return api.post<StackPreview>(`${stacksPath}/preview`, body, { signal });
}

/** What a PATCH update with this body would do to the stack's resources, without doing it. */
export async function previewStackUpdate(stack: StackRef, body: StackRequestBody, signal?: AbortSignal): Promise<UpdatePreview> {
  return api.patch<UpdatePreview>(`${stackPath(stack)}/preview`, body, { signal });
}
