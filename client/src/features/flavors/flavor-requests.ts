// The Nova calls that set a flavor's extra specs and change its access list: the detail page's actions and the
// create (which completes a new flavor with them) send the same ones.
import type { ActionRequest } from '../../lib/actions/types';
import { flavorMicroversion, flavorPath } from '../../resources/flavors/flavors';
import { extraSpecsBody, type ExtraSpecEntry } from './extra-specs';

export function setExtraSpecsRequest(flavorId: string, entries: readonly ExtraSpecEntry[]): ActionRequest {
  return { method: 'POST', path: `${flavorPath(flavorId)}/os-extra_specs`, body: extraSpecsBody(entries), microversion: flavorMicroversion };
}

export function flavorAccessRequest(flavorId: string, change: 'addTenantAccess' | 'removeTenantAccess', projectId: string): ActionRequest {
  return { method: 'POST', path: `${flavorPath(flavorId)}/action`, body: { [change]: { tenant: projectId } }, microversion: flavorMicroversion };
}
