// The inputs of the snapshot actions, declared apart from actions.ts so the forms that edit them need not import the
// declarations that render those forms.
import type { Volume } from '../../resources/volumes/types';

/** What the create form knows of the chosen volume: its size counts against the quota, in-use needs `force`. */
export type SnapshotSource = Pick<Volume, 'id' | 'name' | 'size' | 'status'>;

export interface SnapshotCreateInput {
  volume: SnapshotSource | null;
  name: string;
  description: string;
}

export interface SnapshotEditInput {
  name: string;
  description: string;
}

export interface VolumeFromSnapshotInput {
  name: string;
  /** GiB, as typed: at least the snapshot's size. */
  size: string;
  description: string;
}
