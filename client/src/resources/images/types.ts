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
  /** Image import (API 2.6+): the task holding the image's import lock, while it runs. */
  os_glance_import_task?: string;
  /** Image import: comma-separated stores the data is still being imported to. */
  os_glance_importing_to_stores?: string;
  /** Image import: comma-separated stores the import failed for. */
  os_glance_failed_import?: string;
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

export type ImageTaskStatus = 'pending' | 'processing' | 'success' | 'failure';

/** One task of an image (GET /v2/images/{id}/tasks, API 2.12+): an import is one `api_image_import` task. */
export interface ImageTask {
  id: string;
  type: string;
  status: ImageTaskStatus;
  /** What the task last said: "Copied 12 MiB" while it runs, the reason when it failed; may be empty. */
  message: string;
  /** The id of the request that started the task (the import call). */
  request_id?: string;
  image_id?: string;
  created_at: string;
  updated_at: string;
}

/** GET /v2/info/import (API 2.6+): the import methods this cloud enables. */
export interface ImportInfo {
  'import-methods': { value: string[] };
}
