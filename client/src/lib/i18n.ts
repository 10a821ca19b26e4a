// i18next with the English and French catalogs bundled (both are small). The language comes from the user's
// choice (localStorage) or the browser; only an explicit choice is stored.
// The shell's strings live in client/src/locales/; each feature keeps its own in
// features/<feature>/locales/<language>.json, found here by glob and mounted under the key `<feature>`.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

export const languages = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
] as const;
export type LanguageCode = (typeof languages)[number]['code'];

const storageKey = 'zenith.language';

/**
 * Each feature adds its catalog's type here by declaration merging (see a feature's `i18n.ts`), so `t()` keys
 * stay checked without this file knowing the features.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureCatalogs {}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & FeatureCatalogs };
  }
}

type Catalog = Record<string, unknown>;
const featureCatalogFiles = import.meta.glob<Catalog>('../features/*/locales/*.json', { eager: true, import: 'default' });

/** The shell's catalog of one language with every feature's catalog mounted under the feature's name. */
export function catalogFor(language: LanguageCode, shell: Catalog): Catalog {
  const catalog: Catalog = { ...shell };
  for (const [path, featureCatalog] of Object.entries(featureCatalogFiles)) {
    const match = /\/features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
    if (match?.[2] === language) catalog[match[1]!] = featureCatalog;
  }
  return catalog;
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: catalogFor('en', en) }, fr: { translation: catalogFor('fr', fr) } },
    fallbackLng: 'en',
    supportedLngs: languages.map((language) => language.code),
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    // React escapes text itself.
    interpolation: { escapeValue: false },
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: storageKey, caches: [] },
  });

function syncDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
syncDocumentLanguage(i18n.resolvedLanguage ?? 'en');
i18n.on('languageChanged', () => syncDocumentLanguage(i18n.resolvedLanguage ?? 'en'));

export function setLanguage(code: LanguageCode) {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Not persisted; still applied for this page.
  }
  void i18n.changeLanguage(code);
}

export { i18n };
