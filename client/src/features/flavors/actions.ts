// The flavor admin actions, declared once (lib/actions): the Nova call and the `openstack` command doing the same.
// Offered only when the cloud's answer says the caller may manage flavors (see fetchFlavorManagement); a refusal still
// comes back as a 403 and is shown.
import type { ActionDeclaration, AnyActionDeclaration } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import type { ExtraSpecsInput } from './inputs';
import { flavorAccessKeys, flavorKeys, flavorMicroversion, flavorPath } from '../../resources/flavors/flavors';
import { AccessForm, ExtraSpecsForm, UnsetExtraSpecForm } from './components/action-forms';
import { extraSpecsCliOptions, extraSpecsProblem } from './extra-specs';
import { flavorAccessRequest, setExtraSpecsRequest } from './flavor-requests';
import type { Flavor } from '../../resources/flavors/types';

/** Each action changes the flavor or its access list: both are read again. */
const affectsFlavor = (scope: QueryScope, flavor: Flavor) => [flavorKeys.all(scope), flavorAccessKeys.detail(scope, flavor.id)];

const isPrivate = (flavor: Flavor) => !flavor['os-flavor-access:is_public'];

export const setExtraSpecs: ActionDeclaration<Flavor, ExtraSpecsInput> = {
  id: 'set-extra-specs',
  label: 'flavors.actions.set-extra-specs.label',
  unavailableReason: () => null,
  affects: affectsFlavor,
  request: (flavor, { entries }) => [setExtraSpecsRequest(flavor.id, entries)],
  cli: (flavor, { entries }) => [['flavor', 'set', ...extraSpecsCliOptions(entries), flavor.id]],
  input: {
    initial: () => ({ entries: [{ key: '', value: '' }] }),
    invalidReason: ({ entries }) => {
      if (entries.length === 0) return 'flavors.actions.set-extra-specs.empty';
      const problem = extraSpecsProblem(entries);
      return problem && `flavors.extraSpecs.${problem}`;
    },
    Form: ExtraSpecsForm,
  },
};

export const unsetExtraSpec: ActionDeclaration<Flavor, { key: string }> = {
  id: 'unset-extra-spec',
  label: 'flavors.actions.unset-extra-spec.label',
  unavailableReason: (flavor) => (Object.keys(flavor.extra_specs ?? {}).length === 0 ? 'flavors.actions.unset-extra-spec.none' : null),
  affects: affectsFlavor,
  request: (flavor, { key }) => [
    { method: 'DELETE', path: `${flavorPath(flavor.id)}/os-extra_specs/${encodeURIComponent(key)}`, microversion: flavorMicroversion },
  ],
  cli: (flavor, { key }) => [['flavor', 'unset', '--property', key, flavor.id]],
  input: {
    initial: (flavor) => ({ key: Object.keys(flavor.extra_specs ?? {})[0] ?? '' }),
    invalidReason: ({ key }) => (key ? null : 'flavors.actions.unset-extra-spec.choose'),
    Form: UnsetExtraSpecForm,
  },
};

export const grantAccess: ActionDeclaration<Flavor, { projectId: string }> = {
  id: 'grant-access',
  label: 'flavors.actions.grant-access.label',
  unavailableReason: (flavor) => (isPrivate(flavor) ? null : 'flavors.actions.publicFlavor'),
  affects: affectsFlavor,
  request: (flavor, { projectId }) => [flavorAccessRequest(flavor.id, 'addTenantAccess', projectId)],
  cli: (flavor, { projectId }) => [['flavor', 'set', '--project', projectId, flavor.id]],
  input: {
    initial: () => ({ projectId: '' }),
    invalidReason: ({ projectId }) => (projectId ? null : 'flavors.actions.chooseProject'),
    Form: AccessForm,
  },
};

export const revokeAccess: ActionDeclaration<Flavor, { projectId: string }> = {
  id: 'revoke-access',
  label: 'flavors.actions.revoke-access.label',
  unavailableReason: (flavor) => (isPrivate(flavor) ? null : 'flavors.actions.publicFlavor'),
  affects: affectsFlavor,
  request: (flavor, { projectId }) => [flavorAccessRequest(flavor.id, 'removeTenantAccess', projectId)],
  cli: (flavor, { projectId }) => [['flavor', 'unset', '--project', projectId, flavor.id]],
  input: {
    initial: () => ({ projectId: '' }),
    invalidReason: ({ projectId }) => (projectId ? null : 'flavors.actions.chooseProject'),
    Form: AccessForm,
  },
};

export const deleteFlavor: ActionDeclaration<Flavor> = {
  id: 'delete',
  removes: true,
  label: 'flavors.actions.delete.label',
  // Existing instances keep their embedded copy of the flavor: nothing in a flavor's state prevents deleting it.
  unavailableReason: () => null,
  affects: affectsFlavor,
  request: (flavor) => [{ method: 'DELETE', path: flavorPath(flavor.id), microversion: flavorMicroversion }],
  cli: (flavor) => [['flavor', 'delete', flavor.id]],
  confirmation: { message: 'flavors.actions.delete.confirm', destructive: true },
  bulk: true,
};

export const flavorAdminActions: readonly AnyActionDeclaration<Flavor>[] = [setExtraSpecs, unsetExtraSpec, grantAccess, revokeAccess, deleteFlavor];

/** How the runner names a flavor in its failures. */
export const identifyFlavor = (flavor: Flavor) => ({ id: flavor.id, name: flavor.name, page: `/flavors/${encodeURIComponent(flavor.id)}` });
