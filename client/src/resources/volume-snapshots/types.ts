// Cinder volume snapshot, as GET /v3/{project_id}/snapshots/detail and GET .../snapshots/{id} return it (Block
// Storage API v3 reference): only the fields Zenith reads.

export type VolumeSnapshotStatus =
  | 'creating'
  | 'available'
  | 'backing-up'
  | 'deleting'
  | 'error'
  | 'deleted'
  | 'unmanaging'
  | 'restoring'
  | 'error_deleting';

export interface VolumeSnapshot {
  id: string;
  name: string | null;
  description: string | null;
  status: VolumeSnapshotStatus;
  /** GiB: the size of the volume it was taken of. */
  size: number;
  volume_id: string;
  created_at: string;
  updated_at: string | null;
  metadata: Record<string, string>;
  /** Progress of the snapshot, e.g. "100%" (os-extended-snapshot-attributes). */
  'os-extended-snapshot-attributes:progress'?: string;
  /** The owning project (os-extended-snapshot-attributes). */
  'os-extended-snapshot-attributes:project_id'?: string;
  /** Microversion 3.41. */
  user_id?: string;
  /** Microversion 3.14. */
  group_snapshot_id?: string | null;
  /** Microversion 3.65: false for snapshots Cinder keeps for itself (temporary ones). */
  consumes_quota?: boolean;
}

export interface VolumeSnapshotFilters {
  /** Snapshots of one volume. */
  volumeId?: string;
  status?: VolumeSnapshotStatus;
}

/** One page of the snapshots list as Cinder reads it: filters, `sort=key:dir`, marker and limit. */
export interface VolumeSnapshotPageRequest extends VolumeSnapshotFilters {
  /** Exact name (Cinder's snapshot filter). */
  name?: string;
  sort: string;
  limit: number;
  marker?: string;
}
