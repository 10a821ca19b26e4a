// A resource's actions as rows of the reads across projects offer them: the same declaration (state checks, calls,
// commands) applied to the row's item, sent in the row's own project and region (the runner's `scopeOf`), never the
// session's. Only actions without input: their forms read lists (flavors, images, networks) in the session's scope.
import type { ActionDeclaration } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import type { EverywhereRow } from './everywhere';

/** Where a row lives, as the API client and the query keys name a scope. */
export const rowScope = (row: EverywhereRow<unknown>): QueryScope => ({ projectId: row.project.id, region: row.region });

/**
 * The action on a row's item. Its commands name the row's project and region (`openstack --os-project-id …
 * --os-region-name …`), since a shell's own clouds.yaml scope is no more the row's than the session's is.
 */
export function everywhereRowAction<Item>(action: ActionDeclaration<Item>): ActionDeclaration<EverywhereRow<Item>> {
  const { confirmation, done, affects } = action;
  return {
    id: action.id,
    label: action.label,
    succeeded: action.succeeded,
    removes: action.removes,
    bulk: action.bulk,
    unavailableReason: (row) => action.unavailableReason(row.item),
    request: (row, input) => action.request(row.item, input),
    affects: affects && ((scope, row, input) => affects(scope, row.item, input)),
    cli: (row, input) =>
      action.cli(row.item, input).map((argv) => ['--os-project-id', row.project.id, '--os-region-name', row.region, ...argv]),
    // A confirmation's Details lists resources of the item's type; none of the actions without input has one.
    confirmation: confirmation && { message: confirmation.message, destructive: confirmation.destructive },
    done: done && ((row, input) => done(row.item, input)),
  };
}
