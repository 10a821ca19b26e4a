// The volume actions with more moving parts (retype, attach/detach, upload to image, transfers), declared apart so
// they grow without touching the simple ones in actions.ts, which lists them in its menu order.
import type { AnyActionDeclaration } from '../../lib/actions/types';
import type { Volume } from '../../resources/volumes/types';

export const advancedVolumeActions: readonly AnyActionDeclaration<Volume>[] = [];
