// Heat stacks on the local cloud as the CLI sees them: the witness of what Zenith launched, changed or deleted,
// and the clean-up of what a spec made. Stacks are the demo user's, in project demo unless a project id is given
// (demo-2: `await projectIdOf('demo-2')`).
import { openstack, openstackDo } from './cloud';

/** `openstack stack show -f json` (outputs resolved). */
export interface CliStack {
  id: string;
  stack_name: string;
  description: string;
  /** `<ACTION>_<STATUS>`: CREATE_COMPLETE, UPDATE_FAILED, ROLLBACK_COMPLETE... */
  stack_status: string;
  stack_status_reason: string;
  creation_time: string;
  updated_time: string | null;
  /** Every parameter's value as a string (hidden ones as ******), Heat's OS::stack_name, OS::stack_id, OS::project_id included. */
  parameters: Record<string, string>;
  outputs: { output_key: string; output_value?: unknown; description: string; output_error?: string }[];
  tags: string[] | null;
  timeout_mins: number | null;
  disable_rollback: boolean;
  parent: string | null;
  /** The project Heat made for the stack in its own domain. Abandon leaves it behind: only an admin can delete it. */
  stack_user_project_id: string | null;
}

/** `openstack stack resource list -f json`. */
export interface CliStackResource {
  resource_name: string;
  physical_resource_id: string;
  resource_type: string;
  resource_status: string;
  updated_time: string;
}

/** The stack, or undefined when the project has no stack of that name (deleted ones included). */
export async function showStack(name: string, projectId?: string): Promise<CliStack | undefined> {
  try {
    return await openstack<CliStack>('zenith-demo', ['stack', 'show', name], projectId);
  } catch (error) {
    if (/Stack not found/.test(String((error as { stderr?: string }).stderr))) return undefined;
    throw error;
  }
}

/**
 * Polls the stack until its status matches, and returns it. Fails at once, with Heat's reason, when the stack
 * settles (not *_IN_PROGRESS) in a status that does not match, or is gone.
 */
export async function waitForStackStatus(name: string, status: string | RegExp, timeout = 180_000, projectId?: string): Promise<CliStack> {
  const wanted = typeof status === 'string' ? new RegExp(`^${status}$`) : status;
  const deadline = Date.now() + timeout;
  for (;;) {
    const stack = await showStack(name, projectId);
    if (!stack) throw new Error(`stack ${name} does not exist (waiting for ${String(status)})`);
    if (wanted.test(stack.stack_status)) return stack;
    if (!stack.stack_status.endsWith('_IN_PROGRESS')) {
      throw new Error(`stack ${name} is ${stack.stack_status}, not ${String(status)}: ${stack.stack_status_reason}`);
    }
    if (Date.now() > deadline) throw new Error(`stack ${name} still ${stack.stack_status} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/** Waits until the project has no stack of that name (after a delete sent by Zenith); fails with Heat's reason on DELETE_FAILED. */
export async function waitForStackGone(name: string, projectId?: string, timeout = 180_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (let stack = await showStack(name, projectId); stack; stack = await showStack(name, projectId)) {
    if (stack.stack_status === 'DELETE_FAILED') throw new Error(`stack ${name} DELETE_FAILED: ${stack.stack_status_reason}`);
    if (Date.now() > deadline) throw new Error(`stack ${name} still ${stack.stack_status} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/** Deletes the stack (and so what it made) if there is one, and waits until it is gone; fails with Heat's reason on DELETE_FAILED. */
export async function deleteStackIfExists(name: string, projectId?: string, timeout = 180_000): Promise<void> {
  if (!(await showStack(name, projectId))) return;
  await openstackDo('zenith-demo', ['stack', 'delete', '--yes', name], projectId);
  await waitForStackGone(name, projectId, timeout);
}

/** The stack's own resources (not those of nested stacks). */
export const listStackResources = (name: string, projectId?: string) =>
  openstack<CliStackResource[]>('zenith-demo', ['stack', 'resource', 'list', name], projectId);
