// A network as the create and edit forms hold it, what Neutron would refuse in it, and the request body and
// `openstack network` options it stands for. Shared and external are for whoever Neutron's policy allows: the
// form offers them on the cloud's answer to their probes (probes.ts), and a refusal comes back as Neutron's 403.
import type { Network } from '../../resources/networks/types';

export interface NetworkSettings {
  name: string;
  description: string;
  adminStateUp: boolean;
  shared: boolean;
  external: boolean;
  /** Empty for the cloud's default (the physical network's MTU less the overlay's overhead). */
  mtu: string;
  portSecurity: boolean;
}

export type NetworkProblem = 'nameMissing' | 'mtuInvalid' | 'unchanged';

// IPv4 needs 68 octets (RFC 791); Neutron refuses less; the upper bound is the cloud's and Neutron says so.
const minimumMtu = 68;

export function emptyNetworkSettings(): NetworkSettings {
  return { name: '', description: '', adminStateUp: true, shared: false, external: false, mtu: '', portSecurity: true };
}

export function networkSettingsOf(network: Network): NetworkSettings {
  return {
    name: network.name,
    description: network.description ?? '',
    adminStateUp: network.admin_state_up,
    shared: network.shared,
    external: network['router:external'] ?? false,
    mtu: network.mtu === undefined ? '' : String(network.mtu),
    portSecurity: network.port_security_enabled ?? true,
  };
}

export function networkProblem(settings: NetworkSettings): NetworkProblem | null {
  if (settings.name.trim() === '') return 'nameMissing';
  const mtu = settings.mtu.trim();
  if (mtu !== '' && !(/^\d+$/.test(mtu) && Number(mtu) >= minimumMtu)) return 'mtuInvalid';
  return null;
}

export function networkCreateBody(settings: NetworkSettings) {
  const mtu = settings.mtu.trim();
  return {
    network: {
      name: settings.name.trim(),
      description: settings.description.trim() || undefined,
      admin_state_up: settings.adminStateUp,
      port_security_enabled: settings.portSecurity,
      mtu: mtu ? Number(mtu) : undefined,
      // Only sent when asked for: a member's token may not even name these attributes.
      shared: settings.shared || undefined,
      'router:external': settings.external || undefined,
    },
  };
}

export function networkCreateCli(settings: NetworkSettings): string[] {
  const mtu = settings.mtu.trim();
  return [
    'network',
    'create',
    ...(settings.description.trim() ? ['--description', settings.description.trim()] : []),
    ...(settings.adminStateUp ? [] : ['--disable']),
    ...(settings.portSecurity ? [] : ['--disable-port-security']),
    ...(mtu ? ['--mtu', mtu] : []),
    ...(settings.shared ? ['--share'] : []),
    ...(settings.external ? ['--external'] : []),
    settings.name.trim(),
  ];
}

/** What an edit changes; only that is sent. */
export function networkChanges(network: Network, settings: NetworkSettings) {
  const current = networkSettingsOf(network);
  const changed = <K extends keyof NetworkSettings>(key: K) => (settings[key] !== current[key] ? settings[key] : undefined);
  const mtu = settings.mtu.trim();
  return {
    name: settings.name.trim() !== current.name ? settings.name.trim() : undefined,
    description: settings.description.trim() !== current.description ? settings.description.trim() : undefined,
    admin_state_up: changed('adminStateUp'),
    shared: changed('shared'),
    'router:external': changed('external'),
    mtu: mtu !== current.mtu && mtu !== '' ? Number(mtu) : undefined,
    port_security_enabled: changed('portSecurity'),
  };
}

export type NetworkChanges = ReturnType<typeof networkChanges>;

export function hasNetworkChanges(changes: NetworkChanges): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}

export function networkUpdateCli(network: Network, changes: NetworkChanges): string[] {
  const flag = (value: boolean | undefined, on: string, off: string) => (value === undefined ? [] : [value ? on : off]);
  return [
    'network',
    'set',
    ...(changes.name !== undefined ? ['--name', changes.name] : []),
    ...(changes.description !== undefined ? ['--description', changes.description] : []),
    ...flag(changes.admin_state_up, '--enable', '--disable'),
    ...flag(changes.shared, '--share', '--no-share'),
    ...flag(changes['router:external'], '--external', '--internal'),
    ...(changes.mtu !== undefined ? ['--mtu', String(changes.mtu)] : []),
    ...flag(changes.port_security_enabled, '--enable-port-security', '--disable-port-security'),
    network.id,
  ];
}
