// Placeholder until the starter library lands (branch stacks-cloud): the same interface, one small template.
export const starterTemplates: readonly {
  id: 'server-with-floating-ip' | 'network-with-router' | 'server-with-volume' | 'two-tier-app';
  template: string;
}[] = [
  {
    id: 'network-with-router',
    template: `heat_template_version: 2018-08-31
description: A private network with one subnet, and a router joining it to an external network.
parameters:
  public_network:
    type: string
    label: External network
    description: The network the router's gateway is on.
    constraints:
      - custom_constraint: neutron.network
  network_name:
    type: string
    label: Network name
    default: private
    constraints:
      - length: {min: 1, max: 64}
        description: A name of 1 to 64 characters.
  cidr:
    type: string
    label: Subnet CIDR
    default: 10.10.0.0/24
    constraints:
      - custom_constraint: net_cidr
resources:
  network:
    type: OS::Neutron::Net
    properties:
      name: {get_param: network_name}
  subnet:
    type: OS::Neutron::Subnet
    properties:
      network: {get_resource: network}
      cidr: {get_param: cidr}
  router:
    type: OS::Neutron::Router
    properties:
      external_gateway_info:
        network: {get_param: public_network}
  router_interface:
    type: OS::Neutron::RouterInterface
    properties:
      router: {get_resource: router}
      subnet: {get_resource: subnet}
outputs:
  network_id:
    description: The private network.
    value: {get_resource: network}
`,
  },
];
