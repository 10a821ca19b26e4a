// The inputs of the snapshot actions and the rules they are checked by, declared apart from actions.ts so the forms
// that edit them need not import the declarations that render those forms.
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

/** Cinder snapshots a volume that is `available`; an `in-use` one only with `force` (before microversion 3.66). */
export const snapshotableStatuses: readonly string[] = ['available', 'in-use'];

/** `force` is only sent for an attached volume: since 3.66 Cinder refuses `force: false` and ignores `true`. */
export const needsForce = (input: SnapshotCreateInput) => input.volume?.status === 'in-use';
