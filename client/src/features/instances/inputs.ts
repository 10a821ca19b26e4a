// The inputs of the instance actions, declared apart from actions.ts so the forms that edit them need not import the
// declarations that render those forms.

export type MetadataInput = { key: string; value: string }[];

export type AttachInterfaceInput = { kind: 'network'; networkId: string } | { kind: 'port'; portId: string };

/**
 * The port to detach, and its MAC address: how the server's addresses name the interface, so the page can tell when
 * Nova, which detaches after answering, is done.
 */
export type DetachInterfaceInput = { portId: string; macAddress: string };

/** Either an existing free floating IP, or a new one allocated from an external network; both onto a server port. */
export type AssociateFloatingIpInput =
  | { source: 'existing'; floatingIpId: string; floatingIpAddress: string; portId: string }
  | { source: 'new'; networkId: string; portId: string };

/**
 * The server's groups by id (a name may be shared by several groups): the ones its ports have now, as the form read
 * them, and the ones chosen. Null until the user changes something.
 */
export type SecurityGroupsInput = { current: string[]; chosen: string[] } | null;
