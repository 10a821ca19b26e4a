// Nova's server and its companions, written once from the Compute API reference (microversion 2.47+: the flavor
// is embedded in the server; 2.73: lock reason).

/** Nova's user-facing status (derived by Nova from vm_state and task_state). */
export type ServerStatus =
  | 'ACTIVE'
  | 'BUILD'
  | 'DELETED'
  | 'ERROR'
  | 'HARD_REBOOT'
  | 'MIGRATING'
  | 'PASSWORD'
  | 'PAUSED'
  | 'REBOOT'
  | 'REBUILD'
  | 'RESCUE'
  | 'RESIZE'
  | 'REVERT_RESIZE'
  | 'SHELVED'
  | 'SHELVED_OFFLOADED'
  | 'SHUTOFF'
  | 'SOFT_DELETED'
  | 'SUSPENDED'
  | 'UNKNOWN'
  | 'VERIFY_RESIZE';

/** Nova's internal VM state (OS-EXT-STS:vm_state); the actions' preconditions are written against it. */
export type VmState =
  | 'active'
  | 'building'
  | 'paused'
  | 'suspended'
  | 'stopped'
  | 'rescued'
  | 'resized'
  | 'soft-delete'
  | 'deleted'
  | 'error'
  | 'shelved'
  | 'shelved_offloaded';

/** OS-EXT-STS:power_state: 0 NOSTATE, 1 RUNNING, 3 PAUSED, 4 SHUTDOWN, 6 CRASHED, 7 SUSPENDED. */
export type PowerState = 0 | 1 | 3 | 4 | 6 | 7;

export interface ServerAddress {
  addr: string;
  version: 4 | 6;
  'OS-EXT-IPS:type'?: 'fixed' | 'floating';
  'OS-EXT-IPS-MAC:mac_addr'?: string;
}

export interface EmbeddedFlavor {
  /** The flavor's name (Nova calls it original_name once embedded). */
  original_name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  extra_specs?: Record<string, string>;
}

export interface ServerFault {
  code: number;
  message: string;
  created: string;
  details?: string;
}

export interface Server {
  id: string;
  name: string;
  status: ServerStatus;
  tenant_id: string;
  user_id: string;
  created: string;
  updated: string;
  /** Empty string when the server boots from a volume. */
  image: { id: string } | '';
  flavor: EmbeddedFlavor;
  addresses: Record<string, ServerAddress[]>;
  metadata: Record<string, string>;
  key_name: string | null;
  locked: boolean;
  locked_reason?: string | null;
  description?: string | null;
  hostId?: string;
  accessIPv4?: string;
  accessIPv6?: string;
  config_drive?: string;
  progress?: number;
  tags?: string[];
  fault?: ServerFault;
  security_groups?: { name: string }[];
  'OS-EXT-STS:vm_state': VmState;
  'OS-EXT-STS:task_state': string | null;
  'OS-EXT-STS:power_state': PowerState;
  'OS-EXT-AZ:availability_zone': string;
  /** The compute host: shown to admins only (absent otherwise). */
  'OS-EXT-SRV-ATTR:host'?: string | null;
  'OS-SRV-USG:launched_at': string | null;
  'OS-SRV-USG:terminated_at': string | null;
  'OS-DCF:diskConfig'?: 'AUTO' | 'MANUAL';
  'os-extended-volumes:volumes_attached': { id: string; delete_on_termination?: boolean }[];
}

export interface ServerPage {
  servers: Server[];
  servers_links?: { href: string; rel: string }[];
}

export interface InstanceActionEvent {
  event: string;
  start_time: string;
  finish_time: string | null;
  result: string | null;
  traceback?: string | null;
  host?: string;
}

export interface InstanceAction {
  action: string;
  instance_uuid: string;
  request_id: string;
  user_id: string;
  project_id: string;
  start_time: string;
  updated_at?: string;
  message: string | null;
  events?: InstanceActionEvent[];
}

/** POST /servers/{id}/remote-consoles (2.6+). */
export interface RemoteConsole {
  protocol: 'vnc' | 'spice' | 'serial' | 'rdp' | 'mks';
  type: string;
  url: string;
}
