// The writes on one stack besides create and update (heat/api/openstack/v1/actions.py, stacks.py): the actions
// POSTed to `.../actions` (one key each), delete, abandon (Heat forgets the stack and answers what it knew, leaving
// its resources in place) and adopt (a new stack taking those resources back from that answer).
import type { ActionRequest } from '../../lib/actions/types';
import { stackActionPath, stackPath, stacksPath, type StackRef } from './stacks';
import type { CreatedStack } from './types';

/** The keys `POST .../actions` takes, one per request. */
export type StackActionName = 'suspend' | 'resume' | 'check' | 'cancel_update' | 'cancel_without_rollback';

export const stackActionRequest = (stack: StackRef, action: StackActionName): ActionRequest => ({
  method: 'POST',
  path: stackActionPath(stack),
  body: { [action]: null },
});

export const deleteStackRequest = (stack: StackRef): ActionRequest => ({ method: 'DELETE', path: stackPath(stack) });

/** What `DELETE .../abandon` answers (heat/engine/stack.py prepare_abandon): what adopting it back needs. */
export interface AbandonedStack {
  name: string;
  id: string;
  action: string;
  status: string;
  template: Record<string, unknown>;
  environment: Record<string, unknown>;
  files: Record<string, string>;
  /** By resource name: its type, physical id, status, metadata, resource data... */
  resources: Record<string, { name: string; type: string; resource_id: string | null; [field: string]: unknown }>;
  project_id: string;
  stack_user_project_id: string | null;
  tags: string[] | null;
}

export const abandonStackRequest = (stack: StackRef): ActionRequest<AbandonedStack> => ({ method: 'DELETE', path: `${stackPath(stack)}/abandon` });

/** The abandon data as a file would hold it; parsed only to read the nested templates it carries. */
export interface AdoptRequest {
  name: string;
  /** The abandon data's text, sent as given (Heat parses it). */
  data: string;
  files: Record<string, string>;
  disableRollback: boolean;
}

export const adoptStackRequest = ({ name, data, files, disableRollback }: AdoptRequest): ActionRequest<CreatedStack> => ({
  method: 'POST',
  path: stacksPath,
  body: { stack_name: name, adopt_stack_data: data, files, disable_rollback: disableRollback },
});
