// One page of a Neutron collection for a list's URL state. Neutron pages natively (limit, marker, sort_key,
// sort_dir) and goes back with page_reverse=true, but answers a reversed page in the list's own order, so the
// rows nearest the marker come last: they are turned round before pageWindow reads them nearest first.
import type { ListParams } from './openstack-list';
import { pageWindow, type ListUrlState, type PageWindow } from './page-window';

/** The query of one page: one row more than the page, so the answer says whether another page follows. */
export function neutronPageParams(state: ListUrlState<string, string>): ListParams {
  return {
    limit: state.limit + 1,
    marker: state.marker ?? state.before,
    page_reverse: state.before === undefined ? undefined : true,
    sort_key: state.sort,
    sort_dir: state.direction,
  };
}

/**
 * `nextMarker` is the answer's next link. Neutron pages without a maximum unless the cloud sets
 * `pagination_max_limit`; when it does, a page going forward may hold fewer rows than asked with a next link, which
 * says more follow. Going back, Neutron links "next" on every page: only the extra row tells.
 */
export function neutronPageWindow<Row>(state: ListUrlState<string, string>, answer: readonly Row[], nextMarker?: string): PageWindow<Row> {
  if (state.before !== undefined) return pageWindow(state, [...answer].reverse());
  return pageWindow(state, answer, nextMarker !== undefined);
}
