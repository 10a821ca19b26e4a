// The input of the adopt action, declared apart from actions.ts so the form that edits it need not import the
// declarations that render that form.
import type { AbandonedStack } from '../../resources/stacks/stack-actions';

export interface AdoptInput {
  /** The new stack's name. */
  name: string;
  /** The abandon data file's text, as read. */
  data: string;
  /** The file's name, for the CLI equivalent. */
  fileName: string;
  rollback: boolean;
}

export const emptyAdoptInput = (): AdoptInput => ({ name: '', data: '', fileName: '', rollback: false });

/** The abandon data parsed, or null when the text is not a JSON object holding a template and resources. */
export function parseAbandonData(text: string): AbandonedStack | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const data = parsed as Partial<AbandonedStack>;
    return typeof data.template === 'object' && data.template !== null && typeof data.resources === 'object' && data.resources !== null
      ? (data as AbandonedStack)
      : null;
  } catch {
    return null;
  }
}

/** Heat's rule for stack names (heat/engine/stack.py): a letter first, then letters, digits, `_`, `-`, `.`. */
export const isValidStackName = (name: string) => /^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$/.test(name);
