// Availability zones, as GET /os-availability-zone returns them from Nova and from Cinder alike (Compute and
// Block Storage API references): only the fields Zenith reads.

export interface AvailabilityZone {
  zoneName: string;
  zoneState: { available: boolean };
}

/** The services that have availability zones for a server: where it runs, and where its volumes live. */
export type ZoneService = 'compute' | 'block-storage';
