// i18next, started by the composition root (app/i18n.ts) with the English and French catalogs bundled (both are
// small). The language comes from the user's choice (localStorage) or the browser; only an explicit choice is stored.
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

/** Starts translating; called once, by the composition root, before anything renders. */
export function startI18n(catalogs: Record<LanguageCode, Catalog>) {
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: catalogs.en }, fr: { translation: catalogs.fr } },
      fallbackLng: 'en',
      supportedLngs: languages.map((language) => language.code),
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      // React escapes text itself.
      interpolation: { escapeValue: false },
      detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: storageKey, caches: [] },
    });
  syncDocumentLanguage(i18n.resolvedLanguage ?? 'en');
  i18n.on('languageChanged', () => syncDocumentLanguage(i18n.resolvedLanguage ?? 'en'));
}

export function setLanguage(code: LanguageCode) {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Not persisted; still applied for this page.
  }
  void i18n.changeLanguage(code);
}

export { i18n };
