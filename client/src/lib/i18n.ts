// i18next, started by the composition root (app/i18n.ts) with the English catalog bundled and the others loaded when
// chosen (each is every feature's strings: too big to ship to everyone). The language comes from the user's choice (localStorage) or the browser; only an explicit choice is stored.
// lib/ knows no feature: each feature types its own catalog into `FeatureCatalogs` below, and app/ mounts it.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import type en from '../locales/en.json';

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

/** One language's strings: the shell's, with each feature's mounted under the feature's name. */
export type Catalog = Record<string, unknown>;

function syncDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Loads a language's catalog on demand; English is always bundled. */
export type CatalogLoaders = Record<Exclude<LanguageCode, 'en'>, () => Promise<Catalog>>;

let catalogLoaders: Partial<CatalogLoaders> = {};

/** Adds the language's catalog to i18next once, loading it the first time it is asked for. */
async function ensureCatalog(code: string) {
  const load = catalogLoaders[code as keyof CatalogLoaders];
  if (!load || i18n.hasResourceBundle(code, 'translation')) return;
  i18n.addResourceBundle(code, 'translation', await load());
}

/**
 * Starts translating; called once, by the composition root, before anything renders. Resolves once the catalog of
 * the detected language is in (at once for English).
 */
export async function startI18n(english: Catalog, loaders: CatalogLoaders): Promise<void> {
  catalogLoaders = loaders;
  await i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: english } },
      // Other languages' catalogs are added when chosen (ensureCatalog).
      partialBundledLanguages: true,
      fallbackLng: 'en',
      supportedLngs: languages.map((language) => language.code),
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      // React escapes text itself.
      interpolation: { escapeValue: false },
      detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: storageKey, caches: [] },
    });
  // Not resolvedLanguage: that is English until the detected language's catalog is in.
  const detected = i18n.languages[0] ?? 'en';
  await ensureCatalog(detected);
  if (detected !== 'en') await i18n.changeLanguage(detected);
  syncDocumentLanguage(i18n.resolvedLanguage ?? 'en');
  i18n.on('languageChanged', () => syncDocumentLanguage(i18n.resolvedLanguage ?? 'en'));
}

export function setLanguage(code: LanguageCode) {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Not persisted; still applied for this page.
  }
  void ensureCatalog(code).then(() => i18n.changeLanguage(code));
}

export { i18n };
