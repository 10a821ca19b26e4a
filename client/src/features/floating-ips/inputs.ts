// The inputs of the floating IP actions, declared apart from actions.ts so the forms that edit them need not import
// the declarations that render those forms.

export interface AllocationInput {
  networkId: string;
  /** '' to let Neutron pick a free address. */
  address: string;
  description: string;
}

export interface AssociationInput {
  portId: string;
  /** The port's fixed IP to translate to; '' when the port has only one IPv4 address. */
  fixedIpAddress: string;
}
