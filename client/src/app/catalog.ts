// Where each feature's catalog comes from: features/<feature>/locales/<language>.json, found by glob and mounted
// under the key `<feature>` when loaded (lib/i18n.ts).
import type { LanguageCode } from '@contract/languages';
import type { CatalogLoader, CatalogSources } from '../lib/i18n';

/** The feature and language of a catalog file's path, if it is a feature's catalog. */
export function catalogFile(path: string): { feature: string; language: string } | undefined {
  const match = /\/features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
  return match ? { feature: match[1]!, language: match[2]! } : undefined;
}

/** The features' catalog loaders, by feature then language, from `import.meta.glob` of their files. */
export function featureCatalogs(files: Record<string, CatalogLoader>): CatalogSources['features'] {
  const features: CatalogSources['features'] = {};
  for (const [path, load] of Object.entries(files)) {
    const file = catalogFile(path);
    if (file) (features[file.feature] ??= {})[file.language as LanguageCode] = load;
  }
  return features;
}
