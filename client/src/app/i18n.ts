// Mounts every feature's catalog (features/<feature>/locales/<language>.json, found by glob) under the key
// `<feature>` of the shell's catalog (client/src/locales/), and starts i18n with the result.
import { startI18n, type Catalog, type LanguageCode } from '../lib/i18n';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

const featureCatalogFiles = import.meta.glob<Catalog>('../features/*/locales/*.json', { eager: true, import: 'default' });

function catalogFor(language: LanguageCode, shell: Catalog): Catalog {
  const catalog: Catalog = { ...shell };
  for (const [path, featureCatalog] of Object.entries(featureCatalogFiles)) {
    const match = /\/features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
    if (match?.[2] === language) catalog[match[1]!] = featureCatalog;
  }
  return catalog;
}

/** Each language's whole catalog, as the app translates with it. */
export const catalogs: Record<LanguageCode, Catalog> = { en: catalogFor('en', en), fr: catalogFor('fr', fr) };

startI18n(catalogs);
