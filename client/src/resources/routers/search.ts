// Routers the search box finds in the project: by exact name or id with Neutron's filters; an id prefix in the
// browser over the project's routers (ids and names only). Their addresses are ports', found as ports.
import { searchExact } from '../../lib/search/collection';
import type { ResourceSearch } from '../../lib/search/query';
import { routersPath } from './routers';
import type { Router } from './types';

export type RouterMatch = Pick<Router, 'id' | 'name'>;

export const searchRouters: ResourceSearch<RouterMatch> = (query, context) =>
  searchExact<RouterMatch>({ path: routersPath, collection: 'routers', base: { project_id: context.projectId }, fields: ['id', 'name'] }, query, context);
