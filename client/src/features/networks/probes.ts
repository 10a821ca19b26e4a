// Whether the session may make a network shared or external. Neutron has no dry run and no policy read, and these
// are write rules (create_network:shared, create_network:router:external), so the probe is a create that Neutron
// must refuse either way: it checks its policy first (a 403 naming the rule), then the network's MTU, which is
// set beyond any the cloud allows ("Requested MTU is too big"). That 400 means the policy let it through, and
// nothing was made. Should a cloud have no MTU ceiling and make the network after all, it is deleted at once.
import type { CapabilityProbe, ProbeAnswer } from '../../lib/capabilities/capability';
import { api } from '../../lib/api/client';
import { networkPath, networksPath } from '../../resources/networks/networks';

/** Beyond any physical network's MTU, within the range Neutron's API accepts. */
const impossibleMtu = 2_000_000_000;

async function readPastPolicy(answer: ProbeAnswer) {
  if (answer.ok) {
    const id = (answer.body as { network?: { id?: string } } | undefined)?.network?.id;
    if (id) await api.delete(networkPath(id));
    return { state: 'allowed' as const };
  }
  if (answer.error.status === 400 && /\bMTU\b/.test(answer.error.message)) return { state: 'allowed' as const };
  return { state: 'unknown' as const, error: answer.error };
}

const networkOptionProbe = (id: string, attribute: 'shared' | 'router:external'): CapabilityProbe => ({
  id: `networks.create.${id}`,
  request: () => ({
    method: 'POST',
    path: networksPath,
    body: { network: { name: 'zenith-policy-probe', [attribute]: true, mtu: impossibleMtu } },
  }),
  read: readPastPolicy,
});

export const sharedNetworkProbe = networkOptionProbe('shared', 'shared');
export const externalNetworkProbe = networkOptionProbe('external', 'router:external');

/** The network form's options, in the order it shows them. */
export const networkOptionProbes = [sharedNetworkProbe, externalNetworkProbe];
