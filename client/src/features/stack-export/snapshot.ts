// What the template generator reads and says: the project's resources as the services answered them (read once by
// the export page), where each resource of the template comes from, and what it could not re-create as it is.
import type { FloatingIp } from '../../resources/floating-ips/types';
import type { Keypair } from '../../resources/keypairs/types';
import type { Network, Subnet } from '../../resources/networks/types';
import type { Port } from '../../resources/ports/types';
import type { Router } from '../../resources/routers/types';
import type { SecurityGroup } from '../../resources/security-groups/types';
import type { ServerGroup } from '../../resources/server-groups/types';
import type { Server } from '../../resources/servers/types';
import type { Volume } from '../../resources/volumes/types';

export interface ProjectSnapshot {
  projectId: string;
  projectName: string;
  servers: readonly Server[];
  /** The project's ports (servers', routers', free ones...). */
  ports: readonly Port[];
  /** The networks the project can use: its own, the shared and the external ones. */
  networks: readonly Network[];
  /** The subnets of those networks. */
  subnets: readonly Subnet[];
  routers: readonly Router[];
  securityGroups: readonly SecurityGroup[];
  floatingIps: readonly FloatingIp[];
  volumes: readonly Volume[];
  /** The user's key pairs (Nova keeps them per user, not per project). */
  keypairs: readonly Keypair[];
  serverGroups: readonly ServerGroup[];
  /** Names of the images servers and volumes were made from, by id, for those Glance still shows. */
  imageNames: ReadonlyMap<string, string>;
}

export type OriginKind =
  | 'server'
  | 'port'
  | 'network'
  | 'subnet'
  | 'router'
  | 'securityGroup'
  | 'securityGroupRule'
  | 'floatingIp'
  | 'volume'
  | 'volumeAttachment'
  | 'keypair'
  | 'serverGroup'
  | 'image'
  | 'flavor'
  | 'availabilityZone';

/** The existing resource a part of the template stands for. */
export interface Origin {
  kind: OriginKind;
  /** Its name (or address, for a floating IP); empty when it has none. */
  name: string;
  id: string;
}

/**
 * Why something is not in the template as it is in the project. Each is said in the template's description and
 * on the page (`leftOut.<reason>` in the feature's catalog).
 */
export type LeftOutReason =
  /** Selected, but the project no longer has it. */
  | 'notFound'
  /** An image is referenced by a parameter: its contents are not in the template. */
  | 'imageContents'
  /** A volume is re-created empty (or from its image): its data is not copied. */
  | 'volumeData'
  /** A server boots afresh: what was written on its disk, and its user data, are not in the template. */
  | 'serverDisk'
  /** A network of another project (shared or external) is referenced by a parameter, not re-created. */
  | 'foreignNetwork'
  /** A port made by another service (its device owner), not by the project. */
  | 'foreignPort'
  /** A router interface on a subnet of a network that is not re-created. */
  | 'foreignInterface'
  /** A volume's attachment to a server that is not in the template. */
  | 'attachment'
  /** A floating IP's association with a port that is not in the template. */
  | 'association'
  /** A floating IP gets a new address from its network's pool. */
  | 'floatingAddress'
  /** A server group also holds servers that are not in the template. */
  | 'serverGroupMembers'
  /** The project's "default" security group is re-created under another name (Heat refuses "default"). */
  | 'defaultGroup'
  /** A group without egress rules of its own: Heat keeps the allow-all egress rules Neutron gives a new group. */
  | 'defaultEgress'
  /** A rule whose remote is an address group: Heat's rules have no such property. */
  | 'addressGroupRule'
  /** A rule whose remote group is neither in the template nor in the project. */
  | 'unknownRemoteGroup'
  /** A rule written apart (to break a cycle of groups naming each other) for any protocol, which Heat's rule resource cannot say. */
  | 'anyProtocolRule'
  /** A network shared with other projects: re-created unshared, as sharing is the cloud admin's (or RBAC's) to grant. */
  | 'sharedNetwork';

export interface LeftOut {
  reason: LeftOutReason;
  origin: Origin;
  /** What completes the reason: the other resource's name, the new name, the parameter... */
  detail?: string;
}

/** One resource of the template. */
export interface TemplateResource {
  /** Its name in the template. */
  name: string;
  /** Its Heat type (OS::Nova::Server...). */
  type: string;
  origin: Origin;
}

/** One parameter of the template: what the template refers to without re-creating it. */
export interface TemplateParameter {
  name: string;
  /** The current value, the parameter's default. */
  default: string;
  origin: Origin;
}

export interface GeneratedTemplate {
  /** The HOT template, YAML with one comment per resource. */
  text: string;
  resources: TemplateResource[];
  parameters: TemplateParameter[];
  leftOut: LeftOut[];
}
