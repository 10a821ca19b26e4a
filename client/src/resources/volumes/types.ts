// Cinder volume, as GET /v3/{project_id}/volumes/detail and GET .../volumes/{id} return it (Block Storage API v3
// reference, up to microversion 3.70): every field the reference shows a project member. Fields added by a
// microversion are optional: an older Cinder leaves them out.

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

export interface VolumeLink {
  rel: string;
  href: string;
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
  updated_at: string | null;
  snapshot_id: string | null;
  source_volid: string | null;
  /** Properties of the image the volume was created from (image_name, min_disk...), as strings. */
  volume_image_metadata?: Record<string, string>;
  /** The user's key/value pairs, plus Cinder's `readonly` and `attached_mode` when set. */
  metadata: Record<string, string>;
  user_id: string;
  links: VolumeLink[];
  replication_status: string | null;
  consistencygroup_id: string | null;
  'os-vol-tenant-attr:tenant_id'?: string;
  /** Admins only. */
  'os-vol-host-attr:host'?: string | null;
  'os-vol-mig-status-attr:migstat'?: string | null;
  'os-vol-mig-status-attr:name_id'?: string | null;
  migration_status?: string | null;
  /** 3.13. */
  group_id?: string | null;
  /** 3.21, admins only. */
  provider_id?: string | null;
  /** 3.48 (3.69: null when unknown). */
  shared_targets?: boolean | null;
  service_uuid?: string | null;
  /** 3.61, admins only. */
  cluster_name?: string | null;
  /** 3.63. */
  volume_type_id?: string;
  /** 3.64, when encrypted. */
  encryption_key_id?: string | null;
  /** 3.65. */
  consumes_quota?: boolean;
}

export interface VolumePage {
  volumes: Volume[];
  volumes_links?: VolumeLink[];
}

export interface VolumeFilters {
  status?: VolumeStatus;
  bootable?: boolean;
  availabilityZone?: string;
}

/** Cinder's user message (GET /v3/{project_id}/messages, microversion 3.3): why an asynchronous request failed. */
export interface VolumeMessage {
  id: string;
  event_id: string;
  user_message: string;
  /** ERROR for now: Cinder writes no other level yet. */
  message_level: string;
  resource_type?: string;
  resource_uuid?: string;
  request_id: string;
  created_at: string;
  guaranteed_until: string;
}
