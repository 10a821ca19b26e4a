// Cinder volume type, as GET /v3/{project_id}/types returns it (Block Storage API v3 reference): only the fields
// Zenith reads. Tenants see the public types and the private ones their project was given access to.

export interface VolumeType {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  /** Only shown to admins (policy volume_extension:types_extra_specs:index); tenants get none or an empty map. */
  extra_specs?: Record<string, string>;
  qos_specs_id?: string | null;
}
