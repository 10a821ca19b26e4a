// The inputs of the volume actions, declared apart from actions.ts so the forms that edit them need not import the
// declarations that render those forms.

/** Where a new volume's data comes from: nothing, a Glance image, a volume snapshot or another volume. */
export type VolumeSource = 'blank' | 'image' | 'snapshot' | 'volume';

/** One per-type quota of the project (Cinder's `volumes_<type>` / `gigabytes_<type>`): -1 = unlimited. */
export interface TypeQuotaFigure {
  id: 'volumes' | 'gigabytes';
  used: number;
  limit: number;
}

export interface NewVolume {
  source: VolumeSource;
  /** The image, snapshot or volume chosen for a source other than blank. */
  sourceId: string;
  /**
   * The smallest size the chosen source fits in, GiB: an image's min_disk, size and virtual size rounded up; a
   * snapshot's or volume's own size. Set by the form when the source is chosen.
   */
  minimumGiB: number;
  name: string;
  description: string;
  /** As typed; a whole number of GiB. */
  size: string;
  /** Empty: Cinder's default type. */
  volumeType: string;
  /** Empty: Cinder's default zone. */
  availabilityZone: string;
  /** Asked with os-set_bootable after the create (the create body cannot carry it); an image's volume is bootable anyway. */
  bootable: boolean;
  /** The chosen type's quotas, read by the form once a type is chosen; empty when the type has none. */
  typeQuota: readonly TypeQuotaFigure[];
}

export interface VolumeSettings {
  name: string;
  description: string;
}

/** Metadata as `key=value` lines, the way the CLI's --property takes them. */
export interface MetadataInput {
  text: string;
}

export interface ExtendInput {
  /** As typed; a whole number of GiB, more than the current size. */
  size: string;
}
