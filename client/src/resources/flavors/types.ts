// Nova flavor, as GET /flavors/detail and GET /flavors/{id} return it (Compute API reference, microversion 2.75):
// only the fields Zenith reads.

export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  /** MiB. */
  ram: number;
  /** Root disk, GiB; 0 = the size of the image (or of the volume when booting from one). */
  disk: number;
  /** Ephemeral disk, GiB. */
  'OS-FLV-EXT-DATA:ephemeral': number;
  /** MiB; 0 = none (Nova before 2.75 answers "" for none: the fetchers turn it into 0). */
  swap: number;
  'os-flavor-access:is_public': boolean;
  'OS-FLV-DISABLED:disabled'?: boolean;
  /** Bandwidth factor of the instances' ports relative to the network's (Xen-era; 1.0 = the same). */
  rxtx_factor?: number;
  /** Since 2.55. */
  description?: string | null;
  /** Embedded since 2.61 (only the keys the caller's policy lets it read). */
  extra_specs?: Record<string, string>;
}

/** One project allowed to use a private flavor (GET /flavors/{id}/os-flavor-access). */
export interface FlavorAccess {
  flavor_id: string;
  tenant_id: string;
}
