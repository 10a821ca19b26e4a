// Images the search box finds (the project's, shared and public ones, as Glance lists them): by exact name or id
// with Glance's filters; an id prefix in the browser over the list (Glance has no `fields`, so whole records).
import { searchExact } from '../../lib/search/collection';
import type { ResourceSearch } from '../../lib/search/query';
import { imagesPath } from './images';
import type { Image } from './types';

export type ImageMatch = Pick<Image, 'id' | 'name'>;

export const searchImages: ResourceSearch<ImageMatch> = (query, context) =>
  searchExact<ImageMatch>({ path: imagesPath, collection: 'images' }, query, context);
