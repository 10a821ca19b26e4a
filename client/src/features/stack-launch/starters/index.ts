// Placeholder until the starter library lands (branch stacks-cloud): the same interface, and its network-with-router
// template as it is there, so this page's tests run against what will ship.
export const starterTemplates: readonly {
  id: 'server-with-floating-ip' | 'network-with-router' | 'server-with-volume' | 'two-tier-app';
  template: string;
}[] = [
  {
    id: 'network-with-router',
    template: `heat_template_version: 2018-08-31

description: >
  A private network with one subnet, and a router that connects it to the external network, so that servers on it
  can have floating IPs.

parameters:
  network_name:
    type: string
    label: Network name
    description: Name of the new network.
    default: private
    constraints:
      - length: { min: 1, max: 255 }
        description: The name is 1 to 255 characters long.
  cidr:
    type: string
    label: Subnet CIDR
    description: Address range of the subnet, in CIDR notation.
    default: 10.10.0.0/24
    constraints:
      - custom_constraint: net_cidr
  dns_nameservers:
    type: comma_delimited_list
    label: DNS servers
    description: Addresses of the DNS servers DHCP gives the servers on the subnet, separated by commas. Leave empty for none.
    default: ''
  public_network:
    type: string
    label: External network
    description: Network the router's gateway is on.
    default: public
    constraints:
      - custom_constraint: neutron.network

resources:
  network:
    type: OS::Neutron::Net
    properties:
      name: { get_param: network_name }

  subnet:
    type: OS::Neutron::Subnet
    properties:
      network: { get_resource: network }
      cidr: { get_param: cidr }
      dns_nameservers: { get_param: dns_nameservers }

  router:
    type: OS::Neutron::Router
    properties:
      external_gateway_info:
        network: { get_param: public_network }

  router_interface:
    type: OS::Neutron::RouterInterface
    properties:
      router: { get_resource: router }
      subnet: { get_resource: subnet }

outputs:
  network_id:
    description: ID of the new network.
    value: { get_resource: network }
  subnet_id:
    description: ID of its subnet.
    value: { get_resource: subnet }
  router_id:
    description: ID of the router.
    value: { get_resource: router }
  gateway_ip:
    description: The subnet's gateway (the router's interface on it).
    value: { get_attr: [subnet, gateway_ip] }
`,
  },
];
