// The inputs of the network actions, declared apart from actions.ts so the forms that edit them need not import the
// declarations that render those forms.
import type { Subnet } from '../../resources/networks/types';
import type { NetworkSettings } from './network-draft';
import type { SubnetDraft } from './subnet-draft';

/** A subnet draft and the network's other subnets, which the form reads (for the overlap check) once shown. */
export interface SubnetInput {
  draft: SubnetDraft;
  siblings: readonly Subnet[];
}

/** A new network and, when wanted, its first subnet. */
export interface NewNetwork {
  settings: NetworkSettings;
  subnet: SubnetDraft | null;
}
