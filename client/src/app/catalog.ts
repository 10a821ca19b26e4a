// One language's whole catalog: the shell's (client/src/locales/) with every feature's (features/<feature>/locales/,
// found by glob) mounted under the key `<feature>`.
import type { Catalog } from '../lib/i18n';

export function mountFeatureCatalogs(shell: Catalog, featureCatalogFiles: Record<string, Catalog>): Catalog {
  const catalog: Catalog = { ...shell };
  for (const [path, featureCatalog] of Object.entries(featureCatalogFiles)) {
    const feature = /\/features\/([^/]+)\/locales\/[^/]+\.json$/.exec(path)?.[1];
    if (feature) catalog[feature] = featureCatalog;
  }
  return catalog;
}
