// The French catalog, its own chunk: only a user who reads French downloads it.
import fr from '../locales/fr.json';
import { mountFeatureCatalogs } from './catalog';

export const french = mountFeatureCatalogs(fr, import.meta.glob('../features/*/locales/fr.json', { eager: true, import: 'default' }));
