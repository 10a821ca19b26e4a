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
}

export interface VolumeSnapshotFilters {
  /** Snapshots of one volume. */
  volumeId?: string;
  status?: VolumeSnapshotStatus;
}
