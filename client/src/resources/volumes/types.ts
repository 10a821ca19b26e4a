// Cinder volume, as GET /v3/{project_id}/volumes/detail and GET .../volumes/{id} return it (Block Storage API v3
// reference): only the fields Zenith reads.

export type VolumeStatus =
  | 'creating'
  | 'available'
  | 'reserved'
  | 'attaching'
  | 'detaching'
  | 'in-use'
  | 'maintenance'
  | 'deleting'
  | 'awaiting-transfer'
  | 'error'
  | 'error_deleting'
  | 'backing-up'
  | 'restoring-backup'
  | 'error_backing-up'
  | 'error_restoring'
  | 'error_extending'
  | 'downloading'
  | 'uploading'
  | 'retyping'
  | 'extending';

export interface VolumeAttachment {
  id: string;
  attachment_id: string;
  volume_id: string;
  server_id: string;
  /** e.g. /dev/vdb. */
  device: string;
  host_name: string | null;
  attached_at?: string;
}

export interface Volume {
  id: string;
  name: string | null;
  status: VolumeStatus;
  /** GiB. */
  size: number;
  availability_zone: string;
  /** Cinder answers a string, "true" or "false". */
  bootable: 'true' | 'false';
  volume_type: string | null;
  multiattach: boolean;
  encrypted: boolean;
  attachments: VolumeAttachment[];
  description: string | null;
  created_at: string;
  snapshot_id: string | null;
  source_volid: string | null;
  /** Properties of the image the volume was created from (image_name, min_disk...), as strings. */
  volume_image_metadata?: Record<string, string>;
}

export interface VolumeFilters {
  status?: VolumeStatus;
  bootable?: boolean;
  availabilityZone?: string;
}
