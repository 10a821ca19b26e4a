// Volumes the search box finds in the project: by name with Cinder's "like" filter (`name~`, microversion 3.34 and
// later: the text anywhere in the name), by id with one GET (Cinder lists no id filter to a project member), and by id
// prefix in the browser over the project's volumes (the short list: ids and names).
import { fetchOrNone, searchByFilters, searchInBrowser } from '../../lib/search/collection';
import { matchesIdOrName, type ResourceSearch } from '../../lib/search/query';
import { blockStorageMicroversion, volumesPath } from './list-state';
import { fetchVolume } from './volumes';
import type { Volume } from './types';

export type VolumeMatch = Pick<Volume, 'id' | 'name'>;

export const searchVolumes: ResourceSearch<VolumeMatch> = (query, { signal }) => {
  switch (query.kind) {
    case 'name':
      return searchByFilters<VolumeMatch>({ path: volumesPath, collection: 'volumes', microversion: blockStorageMicroversion, signal }, [
        { 'name~': query.text },
      ]).then((items) => ({ items, method: 'filter' }));
    case 'id':
      return fetchOrNone(() => fetchVolume(query.id, signal)).then((items) => ({ items, method: 'filter' }));
    case 'idPrefix':
      return searchInBrowser<VolumeMatch>({ path: volumesPath, collection: 'volumes', microversion: blockStorageMicroversion, signal }, (volume) =>
        matchesIdOrName(query, volume),
      ).then((items) => ({ items, method: 'client' }));
    default:
      return null;
  }
};
