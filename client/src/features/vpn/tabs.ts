// The /vpn page's tabs, in the order a site-to-site VPN is built: the policies, the router's VPN service, the
// endpoint groups, then the connections that use them all. Also the path segment of each kind's detail page.
export const vpnTabs = ['site-connections', 'ike-policies', 'ipsec-policies', 'services', 'endpoint-groups'] as const;
export type VpnTab = (typeof vpnTabs)[number];

export const isVpnTab = (value: string): value is VpnTab => (vpnTabs as readonly string[]).includes(value);

export const vpnListHref = (tab: VpnTab) => (tab === vpnTabs[0] ? '/vpn' : `/vpn?tab=${tab}`);
export const vpnDetailHref = (tab: VpnTab, id: string) => `/vpn/${tab}/${encodeURIComponent(id)}`;

/** Each kind's noun in the `openstack` CLI (python-neutronclient's OSC plugin). */
export const cliNoun: Record<VpnTab, readonly string[]> = {
  'site-connections': ['vpn', 'ipsec', 'site', 'connection'],
  'ike-policies': ['vpn', 'ike', 'policy'],
  'ipsec-policies': ['vpn', 'ipsec', 'policy'],
  services: ['vpn', 'service'],
  'endpoint-groups': ['vpn', 'endpoint', 'group'],
};
