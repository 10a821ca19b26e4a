// Sends an action's requests through the API client, one after the other, stopping at the first failure.
import { api } from '../api/client';
import type { ActionDeclaration, ActionOutcome, ActionRequest } from './types';

export async function sendActionRequest(request: ActionRequest): Promise<void> {
  const options = { params: request.params, microversion: request.microversion, contentType: request.contentType };
  switch (request.method) {
    case 'POST':
      await api.post(request.path, request.body, options);
      return;
    case 'PUT':
      await api.put(request.path, request.body, options);
      return;
    case 'PATCH':
      await api.patch(request.path, request.body, options);
      return;
    case 'DELETE':
      await api.delete(request.path, options);
      return;
  }
}

export async function runAction<Resource, Input>(
  action: ActionDeclaration<Resource, Input>,
  resource: Resource,
  input: Input,
): Promise<ActionOutcome> {
  try {
    for (const request of action.request(resource, input)) await sendActionRequest(request);
    return { status: 'succeeded' };
  } catch (error) {
    return { status: 'failed', error };
  }
}

/** Runs one action on many resources at once; every resource gets its own outcome. */
export async function runBulkAction<Resource, Input>(
  action: ActionDeclaration<Resource, Input>,
  resources: readonly Resource[],
  input: Input,
): Promise<ActionOutcome[]> {
  return Promise.all(resources.map((resource) => runAction(action, resource, input)));
}
