// Glance v2 image, as GET /v2/images and GET /v2/images/{id} return it (Image API v2 reference): only the fields
// Zenith reads. Glance omits a property that was never set, and returns extra properties as strings.

export type ImageVisibility = 'public' | 'private' | 'shared' | 'community';

export type ImageStatus =
  | 'queued'
  | 'saving'
  | 'uploading'
  | 'importing'
  | 'active'
  | 'killed'
  | 'deleted'
  | 'pending_delete'
  | 'deactivated';

export interface Image {
  id: string;
  name: string | null;
  status: ImageStatus;
  visibility: ImageVisibility;
  owner: string | null;
  /** Bytes; null until data is uploaded. */
  size: number | null;
  virtual_size?: number | null;
  /** GiB the root disk needs at least. */
  min_disk: number;
  /** MiB of RAM the image needs at least. */
  min_ram: number;
  disk_format: string | null;
  container_format: string | null;
  protected: boolean;
  os_hidden?: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
  /** "snapshot" on images Nova made from a server (createImage); absent on uploaded images. */
  image_type?: string;
  /** The server a snapshot was taken from. */
  instance_uuid?: string;
  /** The image the snapshotted server was booted from. */
  base_image_ref?: string;
  os_distro?: string;
  os_version?: string;
  os_type?: string;
  architecture?: string;
  /** MD5 of the data (legacy); os_hash_value is the multihash with os_hash_algo (sha512 by default). */
  checksum?: string | null;
  os_hash_algo?: string | null;
  os_hash_value?: string | null;
  /** JSON text set on snapshots of volume-backed servers (the data is in Cinder snapshots, size is 0). */
  block_device_mapping?: string;
}

/** Any property Glance returns, the custom ones included (they are strings; the known ones keep their types). */
export type ImageRecord = Image & Readonly<Record<string, unknown>>;

export type ImageMemberStatus = 'pending' | 'accepted' | 'rejected';

/** One project an image is shared with (GET /v2/images/{id}/members). */
export interface ImageMember {
  image_id: string;
  member_id: string;
  status: ImageMemberStatus;
  created_at: string;
  updated_at: string;
}

export interface ImageFilters {
  visibility?: ImageVisibility | 'all';
  status?: ImageStatus;
  /** Exact name (Glance does not match substrings): search in the loaded list for that. */
  name?: string;
  /** Only instance snapshots. */
  snapshotsOnly?: boolean;
  disk_format?: string;
  /** A project id: the images it owns. */
  owner?: string;
  /** Glance's `sort` parameter, `<key>:<asc|desc>`. */
  sort?: string;
}

export interface ImagePageRequest extends ImageFilters {
  marker?: string;
  limit?: number;
}
