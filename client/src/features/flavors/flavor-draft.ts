// A new flavor as the create form holds it, what Nova's flavor schema would refuse in it, and the calls and the
// `openstack flavor create` line it stands for: POST /flavors, then its extra specs, then one grant per project
// of a private flavor (the same calls as the detail page's actions).
import { followedByCreated } from '../../lib/actions/follow-ups';
import type { ActionDeclaration, ActionRequest, CliArgv } from '../../lib/actions/types';
import { flavorKeys, flavorMicroversion, flavorsPath, type FlavorBody } from '../../resources/flavors/flavors';
import { flavorAccessRequest, setExtraSpecsRequest } from './flavor-requests';
import { extraSpecsCliOptions, extraSpecsProblem, filledEntries, type ExtraSpecEntry, type ExtraSpecsProblem } from './extra-specs';
import type { Flavor } from '../../resources/flavors/types';

export interface FlavorDraft {
  name: string;
  /** Empty: Nova generates a UUID. */
  id: string;
  vcpus: string;
  /** MiB. */
  ram: string;
  /** GiB; 0 = the size of the image. */
  disk: string;
  /** GiB. */
  ephemeral: string;
  /** MiB. */
  swap: string;
  rxtxFactor: string;
  isPublic: boolean;
  description: string;
  extraSpecs: ExtraSpecEntry[];
  /** Projects granted a private flavor. */
  projectIds: string[];
}

export type FlavorDraftProblem = 'required' | 'invalidName' | 'invalidId' | 'positiveInteger' | 'nonNegativeInteger' | 'positiveNumber' | ExtraSpecsProblem;
export type FlavorDraftProblems = Partial<Record<'name' | 'id' | 'vcpus' | 'ram' | 'disk' | 'ephemeral' | 'swap' | 'rxtxFactor' | 'extraSpecs', FlavorDraftProblem>>;

// Nova's limits: integers are stored as a signed 32-bit INT; the id pattern is the flavor_manage schema's; a name
// is any printable text without leading or trailing spaces.
const maxInteger = 0x7fffffff;
const idPattern = /^(?! )[a-zA-Z0-9. _-]{1,255}(?<! )$/;
// eslint-disable-next-line no-control-regex -- the control characters are exactly what Nova refuses
const namePattern = /^(?!\s)[^\u0000-\u001f\u007f]{1,255}(?<!\s)$/;

export function emptyFlavorDraft(): FlavorDraft {
  return {
    name: '',
    id: '',
    vcpus: '1',
    ram: '512',
    disk: '1',
    ephemeral: '0',
    swap: '0',
    rxtxFactor: '1.0',
    isPublic: true,
    description: '',
    extraSpecs: [],
    projectIds: [],
  };
}

const integerProblem = (text: string, minimum: 0 | 1): FlavorDraftProblem | null =>
  /^\d+$/.test(text.trim()) && Number(text) >= minimum && Number(text) <= maxInteger ? null : minimum === 0 ? 'nonNegativeInteger' : 'positiveInteger';

export function flavorDraftProblems(draft: FlavorDraft): FlavorDraftProblems {
  const problems: FlavorDraftProblems = {};
  if (draft.name === '') problems.name = 'required';
  else if (!namePattern.test(draft.name)) problems.name = 'invalidName';
  if (draft.id !== '' && !idPattern.test(draft.id)) problems.id = 'invalidId';
  for (const field of ['vcpus', 'ram'] as const) {
    const problem = integerProblem(draft[field], 1);
    if (problem) problems[field] = problem;
  }
  for (const field of ['disk', 'ephemeral', 'swap'] as const) {
    const problem = integerProblem(draft[field], 0);
    if (problem) problems[field] = problem;
  }
  if (!/^\d+(\.\d+)?$/.test(draft.rxtxFactor.trim()) || Number(draft.rxtxFactor) <= 0) problems.rxtxFactor = 'positiveNumber';
  const specsProblem = extraSpecsProblem(filledEntries(draft.extraSpecs));
  if (specsProblem) problems.extraSpecs = specsProblem;
  return problems;
}

export function flavorCreateRequest(draft: FlavorDraft): ActionRequest<{ flavor: FlavorBody }> {
  const description = draft.description.trim();
  return {
    method: 'POST',
    path: flavorsPath,
    body: {
      flavor: {
        name: draft.name,
        // null asks Nova for a generated UUID.
        id: draft.id === '' ? null : draft.id,
        vcpus: Number(draft.vcpus),
        ram: Number(draft.ram),
        disk: Number(draft.disk),
        'OS-FLV-EXT-DATA:ephemeral': Number(draft.ephemeral),
        swap: Number(draft.swap),
        rxtx_factor: Number(draft.rxtxFactor),
        'os-flavor-access:is_public': draft.isPublic,
        ...(description === '' ? {} : { description }),
      },
    },
    microversion: flavorMicroversion,
  };
}

/** The calls that complete a created flavor: its extra specs, then the grants of a private one. */
export function flavorCompletionRequests(flavor: Pick<Flavor, 'id'>, draft: FlavorDraft): ActionRequest[] {
  const entries = filledEntries(draft.extraSpecs);
  return [
    ...(entries.length > 0 ? [setExtraSpecsRequest(flavor.id, entries)] : []),
    ...(draft.isPublic ? [] : draft.projectIds.map((projectId) => flavorAccessRequest(flavor.id, 'addTenantAccess', projectId))),
  ];
}

/**
 * The same with the CLI: `flavor create` takes the extra specs and one project to grant; each further project is
 * one `flavor set --project` (naming the flavor by its id when given, else by its name).
 */
export function flavorCreateCli(draft: FlavorDraft): CliArgv[] {
  const description = draft.description.trim();
  const [firstProject, ...otherProjects] = draft.isPublic ? [] : draft.projectIds;
  const create = [
    'flavor',
    'create',
    ...(draft.id === '' ? [] : ['--id', draft.id]),
    ...(['vcpus', 'ram', 'disk', 'ephemeral', 'swap'] as const).flatMap((field) => [`--${field}`, draft[field].trim()]),
    '--rxtx-factor',
    draft.rxtxFactor.trim(),
    draft.isPublic ? '--public' : '--private',
    ...(description === '' ? [] : ['--description', description]),
    ...extraSpecsCliOptions(filledEntries(draft.extraSpecs)),
    ...(firstProject === undefined ? [] : ['--project', firstProject]),
    draft.name,
  ];
  return [create, ...otherProjects.map((projectId) => ['flavor', 'set', '--project', projectId, draft.id === '' ? draft.name : draft.id])];
}

/**
 * Creating a flavor, as one action: POST /flavors, then the calls completing the flavor it answered with. A flavor
 * belongs to the whole cloud, so the action has no resource to act on. When a later call is refused the flavor
 * exists: a retry with the accepted calls resumes after them (see useActionSubmission).
 */
export const createFlavor: ActionDeclaration<null, FlavorDraft> = {
  id: 'create',
  label: 'flavors.create.submit',
  unavailableReason: () => null,
  affects: (scope) => [flavorKeys.all(scope)],
  request: (_cloud, draft) => [
    followedByCreated(flavorCreateRequest(draft), ({ flavor }) => flavor.id, 'flavors.http.createdFlavor', (id) => flavorCompletionRequests({ id }, draft)),
  ],
  cli: (_cloud, draft) => flavorCreateCli(draft),
};
