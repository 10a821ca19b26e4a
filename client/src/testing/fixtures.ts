// The captured answers (fixtures/README.md), typed as the resources read them.
import type { Flavor } from '../resources/flavors/types';
import type { FloatingIp } from '../resources/floating-ips/types';
import type { Image } from '../resources/images/types';
import type { Keypair } from '../resources/keypairs/types';
import type { Network, Subnet } from '../resources/networks/types';
import type { Port } from '../resources/ports/types';
import type { Router } from '../resources/routers/types';
import type { SecurityGroup } from '../resources/security-groups/types';
import type { Server } from '../resources/servers/types';
import type { VolumeSnapshot } from '../resources/volume-snapshots/types';
import type { VolumeType } from '../resources/volume-types/types';
import type { Volume } from '../resources/volumes/types';
import type { EndpointGroup, IkePolicy, IpsecPolicy, IpsecSiteConnection, VpnService } from '../resources/vpn/types';
import type { CapturedError } from './fake-bff';
import snapshotsJson from './fixtures/cinder-snapshots-detail.json';
import snapshotVolumesJson from './fixtures/cinder-snapshot-volumes.json';
import volumeTypesAdminJson from './fixtures/cinder-types-admin.json';
import volumeTypesJson from './fixtures/cinder-types.json';
import cinderForbidden from './fixtures/error-cinder-403.json';
import cinderExtraSpecRefusalJson from './fixtures/error-cinder-extra-spec-400.json';
import glanceForbidden from './fixtures/error-glance-403.json';
import keystoneForbidden from './fixtures/error-keystone-403.json';
import neutronForbidden from './fixtures/error-neutron-403.json';
import novaForbidden from './fixtures/error-nova-403.json';
import volumesJson from './fixtures/cinder-volumes-detail.json';
import versionsBlockStorage from './fixtures/versions-block-storage.json';
import imagesJson from './fixtures/glance-images.json';
import floatingIpsJson from './fixtures/neutron-floatingips.json';
import networksJson from './fixtures/neutron-networks.json';
import portsJson from './fixtures/neutron-ports.json';
import routersJson from './fixtures/neutron-routers.json';
import securityGroupsJson from './fixtures/neutron-security-groups.json';
import subnetsJson from './fixtures/neutron-subnets.json';
import vpnJson from './fixtures/neutron-vpn.json';
import flavorsJson from './fixtures/nova-flavors-detail.json';
import keypairsJson from './fixtures/nova-keypairs.json';
import serversJson from './fixtures/nova-servers-detail.json';

// JSON imports type their strings as `string`: the services' enums (statuses...) are asserted here, once.
export const servers = serversJson.servers as Server[];
export const flavors = flavorsJson.flavors as Flavor[];
export const keypairs = keypairsJson.keypairs.map((entry) => entry.keypair) as Keypair[];
export const images = imagesJson.images as Image[];
export const networks = networksJson.networks as Network[];
export const subnets = subnetsJson.subnets as Subnet[];
export const ports = portsJson.ports as Port[];
export const routers = routersJson.routers as Router[];
export const floatingIps = floatingIpsJson.floatingips as FloatingIp[];
export const securityGroups = securityGroupsJson.security_groups as SecurityGroup[];
export const volumeSnapshots = snapshotsJson.snapshots as VolumeSnapshot[];
/** The volume the captured snapshot was taken of. */
export const snapshotVolumes = snapshotVolumesJson.volumes as Volume[];
/** As the demo project sees them: the public default type and a private one it was given access to. */
export const volumeTypes: VolumeType[] = volumeTypesJson.volume_types;
/** As an admin lists them (`is_public=None`): with extra specs and QoS ids. */
export const volumeTypesAdmin = volumeTypesAdminJson.volume_types as VolumeType[];
export const volumes = volumesJson.volumes as Volume[];
/** One complete site connection of the demo router to a peer, with the policies, service and endpoint groups it uses. */
export const vpn = {
  ikePolicies: vpnJson.ikepolicies as IkePolicy[],
  ipsecPolicies: vpnJson.ipsecpolicies as IpsecPolicy[],
  services: vpnJson.vpnservices as VpnService[],
  endpointGroups: vpnJson.endpoint_groups as EndpointGroup[],
  siteConnections: vpnJson.ipsec_site_connections as IpsecSiteConnection[],
};
export const blockStorageVersions = versionsBlockStorage;

export const novaForbiddenError: CapturedError = novaForbidden;
export const neutronForbiddenError: CapturedError = neutronForbidden;
export const glanceForbiddenError: CapturedError = glanceForbidden;
export const keystoneForbiddenError: CapturedError = keystoneForbidden;
export const cinderForbiddenError: CapturedError = cinderForbidden;
export const cinderExtraSpecRefusal: CapturedError = cinderExtraSpecRefusalJson;
