// Stacks the search box finds in the project: by exact name or id with Heat's filters (`name`, `id`), by id prefix
// in the browser over the project's stacks.
import { searchByFilters, searchInBrowser } from '../../lib/search/collection';
import { matchesIdOrName, type ResourceSearch } from '../../lib/search/query';
import { stacksPath } from './stacks';
import type { StackSummary } from './types';

export type StackMatch = Pick<StackSummary, 'id' | 'stack_name'>;

export const searchStacks: ResourceSearch<StackMatch> = (query, { signal }) => {
  const list = { path: stacksPath, collection: 'stacks', signal };
  switch (query.kind) {
    case 'name':
      return searchByFilters<StackMatch>(list, [{ name: query.text }]).then((items) => ({ items, method: 'exactName' }));
    case 'id':
      return searchByFilters<StackMatch>(list, [{ id: query.id }]).then((items) => ({ items, method: 'filter' }));
    case 'idPrefix':
      return searchInBrowser<StackMatch>(list, (stack) => matchesIdOrName(query, { id: stack.id, name: stack.stack_name })).then((items) => ({
        items,
        method: 'client',
      }));
    default:
      return null;
  }
};
