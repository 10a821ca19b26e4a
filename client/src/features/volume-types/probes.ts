// Whether the session may manage volume types. Listing every type is no signal (Cinder answers anyone, leaving out
// the private ones), so the probe is the page's other read: the QoS specifications, which Cinder refuses to others.
import type { CapabilityProbe } from '../../lib/capabilities/capability';

export const qosSpecsProbe: CapabilityProbe = {
  id: 'volume-types.qos-specs',
  // The path written out: the resource's module loads with the page, not in the entry chunk.
  request: () => ({ method: 'GET', path: '/api/os/block-storage/qos-specs' }),
};
