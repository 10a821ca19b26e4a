// Cinder volume type, as GET /v3/{project_id}/types returns it (Block Storage API v3 reference): only the fields
// Zenith reads. Tenants see the public types and the private ones their project was given access to.

export interface VolumeType {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  /** Only shown to admins (policy volume_extension:types_extra_specs:index); tenants get none or an empty map. */
  extra_specs?: Record<string, string>;
  /** Only shown to admins (policy volume_extension:access_types_qos_specs_id). */
  qos_specs_id?: string | null;
}

/** One project given access to a private type (GET /types/{id}/os-volume-type-access). */
export interface VolumeTypeAccess {
  volume_type_id: string;
  project_id: string;
}

/** A QoS specification (GET /qos-specs, admins only). */
export interface QosSpec {
  id: string;
  name: string;
  /** Where the limits are applied: front-end (Nova), back-end (the storage) or both. */
  consumer: 'front-end' | 'back-end' | 'both';
  specs: Record<string, string>;
}
