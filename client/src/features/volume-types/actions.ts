// Every volume type action (admins: Cinder's policy refuses the others, and its 403 is shown), declared once
// (lib/actions): the API calls and the `openstack` command doing the same. Cinder validates extra spec keys and
// refuses changes to a type in use: its words are shown as they come.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import type { VolumeType } from '../../resources/volume-types/types';
import { qosSpecKeys, qosSpecsPath, volumeTypeKeys, volumeTypePath, volumeTypesPath } from '../../resources/volume-types/volume-types';
import { AccessForm, ExtraSpecsForm, QosForm, TypeCreateForm } from './components/action-forms';
import { propertyArgs, specChanges, specEntriesOf, specEntriesProblem, specMapOf, type ExtraSpecsInput, type TypeCreateInput } from './inputs';

export type VolumeTypeAction<Input = undefined> = ActionDeclaration<VolumeType, Input>;

const problem = (key: string) => `volume-types.problems.${key}` as ParseKeys;

const affectsTypes = (scope: QueryScope) => [volumeTypeKeys.all(scope), qosSpecKeys.all(scope)];

export const createVolumeType: ActionDeclaration<ProjectTarget, TypeCreateInput> = {
  id: 'create',
  label: 'volume-types.actions.create.label',
  unavailableReason: () => null,
  affects: affectsTypes,
  request: (_project, input) => {
    const specs = specMapOf(input.specs);
    return [
      {
        method: 'POST',
        path: volumeTypesPath,
        body: {
          volume_type: {
            name: input.name.trim(),
            description: input.description.trim() || undefined,
            'os-volume-type-access:is_public': input.isPublic,
            ...(Object.keys(specs).length > 0 ? { extra_specs: specs } : {}),
          },
        },
      },
    ];
  },
  cli: (_project, input) => [
    [
      'volume', 'type', 'create',
      ...(input.description.trim() ? ['--description', input.description.trim()] : []),
      input.isPublic ? '--public' : '--private',
      ...propertyArgs(specMapOf(input.specs)),
      input.name.trim(),
    ],
  ],
  input: {
    initial: () => ({ name: '', description: '', isPublic: true, specs: [] }),
    invalidReason: (input) => {
      if (input.name.trim() === '') return problem('nameMissing');
      const specProblem = specEntriesProblem(input.specs);
      return specProblem ? problem(specProblem) : null;
    },
    Form: TypeCreateForm,
  },
};

const editExtraSpecs: VolumeTypeAction<ExtraSpecsInput> = {
  id: 'extra-specs',
  label: 'volume-types.actions.extra-specs.label',
  unavailableReason: () => null,
  affects: affectsTypes,
  request: (type, input) => {
    const { set, unset } = specChanges(type.extra_specs, input.specs);
    return [
      ...(Object.keys(set).length > 0 ? [{ method: 'POST' as const, path: `${volumeTypePath(type.id)}/extra_specs`, body: { extra_specs: set } }] : []),
      ...unset.map((key) => ({ method: 'DELETE' as const, path: `${volumeTypePath(type.id)}/extra_specs/${encodeURIComponent(key)}` })),
    ];
  },
  cli: (type, input) => {
    const { set, unset } = specChanges(type.extra_specs, input.specs);
    return [
      ...(Object.keys(set).length > 0 ? [['volume', 'type', 'set', ...propertyArgs(set), type.id]] : []),
      ...(unset.length > 0 ? [['volume', 'type', 'unset', ...unset.flatMap((key) => ['--property', key]), type.id]] : []),
    ];
  },
  input: {
    initial: (type) => ({ specs: specEntriesOf(type.extra_specs) }),
    invalidReason: (input, type) => {
      const specProblem = specEntriesProblem(input.specs);
      if (specProblem) return problem(specProblem);
      const { set, unset } = specChanges(type.extra_specs, input.specs);
      return Object.keys(set).length + unset.length === 0 ? problem('unchanged') : null;
    },
    Form: ExtraSpecsForm,
  },
};

/** Only a private type has an access list: a public one is everyone's. */
const publicType = (type: VolumeType): ParseKeys | null => (type.is_public ? 'volume-types.access.publicType' : null);

const grantAccess: VolumeTypeAction<string> = {
  id: 'grant-access',
  label: 'volume-types.actions.grant-access.label',
  unavailableReason: publicType,
  affects: affectsTypes,
  request: (type, projectId) => [{ method: 'POST', path: `${volumeTypePath(type.id)}/action`, body: { addProjectAccess: { project: projectId } } }],
  cli: (type, projectId) => [['volume', 'type', 'set', '--project', projectId, type.id]],
  input: {
    initial: () => '',
    invalidReason: (projectId) => (projectId === '' ? problem('projectMissing') : null),
    Form: AccessForm,
  },
};

/** Taking one project's access away (from the detail page's access list). */
export function revokeAccessAction(projectId: string): VolumeTypeAction {
  return {
    id: 'revoke-access',
    label: 'volume-types.actions.revoke-access.label',
    unavailableReason: publicType,
    affects: affectsTypes,
    request: (type) => [{ method: 'POST', path: `${volumeTypePath(type.id)}/action`, body: { removeProjectAccess: { project: projectId } } }],
    cli: (type) => [['volume', 'type', 'unset', '--project', projectId, type.id]],
    confirmation: { message: 'volume-types.actions.revoke-access.confirm', destructive: true },
  };
}

/** Cinder's QoS association is a write sent as GET: `qos-specs/{id}/associate?vol_type_id=`. */
const qosCall = (qosId: string, verb: 'associate' | 'disassociate', type: VolumeType) => ({
  method: 'GET' as const,
  path: `${qosSpecsPath}/${encodeURIComponent(qosId)}/${verb}`,
  params: { vol_type_id: type.id },
});

const associateQos: VolumeTypeAction<string> = {
  id: 'associate-qos',
  label: 'volume-types.actions.associate-qos.label',
  // Cinder keeps one QoS specification per type: the current one is disassociated first.
  unavailableReason: (type) => (type.qos_specs_id ? 'volume-types.actions.associate-qos.unavailable' : null),
  affects: affectsTypes,
  request: (type, qosId) => [qosCall(qosId, 'associate', type)],
  cli: (type, qosId) => [['volume', 'qos', 'associate', qosId, type.id]],
  input: {
    initial: () => '',
    invalidReason: (qosId) => (qosId === '' ? problem('qosMissing') : null),
    Form: QosForm,
  },
};

const disassociateQos: VolumeTypeAction = {
  id: 'disassociate-qos',
  label: 'volume-types.actions.disassociate-qos.label',
  unavailableReason: (type) => (type.qos_specs_id ? null : 'volume-types.actions.disassociate-qos.unavailable'),
  affects: affectsTypes,
  request: (type) => [qosCall(type.qos_specs_id ?? '', 'disassociate', type)],
  cli: (type) => [['volume', 'qos', 'disassociate', '--volume-type', type.id, type.qos_specs_id ?? '']],
  confirmation: { message: 'volume-types.actions.disassociate-qos.confirm' },
};

const deleteType: VolumeTypeAction = {
  id: 'delete',
  label: 'volume-types.actions.delete.label',
  unavailableReason: () => null,
  affects: affectsTypes,
  request: (type) => [{ method: 'DELETE', path: volumeTypePath(type.id) }],
  cli: (type) => [['volume', 'type', 'delete', type.id]],
  confirmation: { message: 'volume-types.actions.delete.confirm', destructive: true },
  bulk: true,
};

/** Admin actions on a type, in menu order. */
export const volumeTypeActions: readonly AnyActionDeclaration<VolumeType>[] = [editExtraSpecs, grantAccess, associateQos, disassociateQos, deleteType];

export const bulkVolumeTypeActions = volumeTypeActions.filter((action) => action.bulk);

export const identifyVolumeType = (type: VolumeType) => ({ id: type.id, name: type.name });
