// The answer of GET /api/versions/<service-type>, which the SPA negotiates microversions from; shared by both.

/** A service's API version and microversion range, from its version document. */
export interface ServiceVersions {
  serviceType: string;
  version?: string;
  minMicroversion?: string;
  maxMicroversion?: string;
}
