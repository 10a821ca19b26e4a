// Sends an action's requests through the API client, one after the other, stopping at the first failure (a call may
// first wait for what it acts on to settle, see ActionRequest.settle). A request may be followed by calls built from
// its answer (the id of what it created); calls already accepted in an earlier attempt are not sent again, so a retry
// resumes where the service stopped accepting.
import { api } from '../api/client';
import type { QueryScope } from '../api/query-keys';
import type { AcceptedCalls, ActionDeclaration, ActionRequest, ResumableOutcome } from './types';

/** Sends one call, in `scope` when the resource lives in another project or region than the session's. */
export async function sendActionRequest<Response>(request: ActionRequest<Response>, scope?: QueryScope): Promise<Response> {
  const options = { params: request.params, microversion: request.microversion, contentType: request.contentType, scope };
  switch (request.method) {
    case 'GET':
      return api.get<Response>(request.path, options);
    case 'POST':
      return api.post<Response>(request.path, request.body, options);
    case 'PUT':
      return api.put<Response>(request.path, request.body, options);
    case 'PATCH':
      return api.patch<Response>(request.path, request.body, options);
    case 'DELETE':
      return api.delete<Response>(request.path, options);
  }
}

/** What makes two calls the same call: sending it again would repeat what the service already did. */
export function requestIdentity(request: ActionRequest<unknown>): string {
  return JSON.stringify([request.method, request.path, request.params ?? null, request.body ?? null]);
}

/**
 * The answer to a call among the accepted ones; undefined until the service accepted it. Its type is the one the
 * request declares, as trusted as any API client answer.
 */
export function answerTo<Response>(accepted: AcceptedCalls, request: ActionRequest<Response>): Response | undefined {
  return accepted.get(requestIdentity(request)) as Response | undefined;
}

/** Sends a call, first waiting for what it acts on to settle when it says so, and again after each busy refusal. */
async function sendSettled(request: ActionRequest, scope: QueryScope | undefined): Promise<unknown> {
  const settle = request.settle;
  if (!settle) return sendActionRequest(request, scope);
  for (;;) {
    await settle.until();
    try {
      return await sendActionRequest(request, scope);
    } catch (error) {
      if (!settle.busy(error)) throw error;
    }
  }
}

async function sendInOrder(requests: readonly ActionRequest[], accepted: Map<string, unknown>, scope: QueryScope | undefined): Promise<void> {
  for (const request of requests) {
    const identity = requestIdentity(request);
    let response = accepted.get(identity);
    if (!accepted.has(identity)) {
      response = await sendSettled(request, scope);
      accepted.set(identity, response);
    }
    if (request.followedBy) await sendInOrder(request.followedBy(response), accepted, scope);
  }
}

export async function runAction<Resource, Input>(
  action: ActionDeclaration<Resource, Input>,
  resource: Resource,
  input: Input,
  previouslyAccepted: AcceptedCalls = new Map(),
  /** Where the resource lives, when not in the session's scope. */
  scope?: QueryScope,
): Promise<ResumableOutcome> {
  const accepted = new Map(previouslyAccepted);
  try {
    await sendInOrder(action.request(resource, input), accepted, scope);
    return { status: 'succeeded', accepted };
  } catch (error) {
    return { status: 'failed', error, accepted };
  }
}

/** Runs one action on many resources at once, each in its own scope when `scopeOf` says; every resource gets its own outcome. */
export async function runBulkAction<Resource, Input>(
  action: ActionDeclaration<Resource, Input>,
  resources: readonly Resource[],
  input: Input,
  scopeOf?: (resource: Resource) => QueryScope,
): Promise<ResumableOutcome[]> {
  return Promise.all(resources.map((resource) => runAction(action, resource, input, new Map(), scopeOf?.(resource))));
}
