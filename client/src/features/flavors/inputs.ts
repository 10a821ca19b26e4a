// The inputs of the flavor actions, declared apart from actions.ts so the forms that edit them need not import the
// declarations that render those forms.
import type { ExtraSpecEntry } from './extra-specs';

export interface ExtraSpecsInput {
  entries: ExtraSpecEntry[];
}
