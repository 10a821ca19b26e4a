// i18next, started by the composition root (app/i18n.ts) with the shell's English catalog bundled, the other languages'
// loaded when chosen, and each feature's loaded with its pages (see CatalogSources). The language comes from the
// user's choice (localStorage) or the browser; only an explicit choice is stored there. The language in use is also
// kept in a cookie, read by nothing here: the BFF preloads the page's catalog in it (@contract/languages).
// lib/ knows no feature: each feature types its own catalog into `FeatureCatalogs` below, and app/ mounts it.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, languageCookie, languages, type LanguageCode } from '@contract/languages';
import type en from '../locales/en.json';

const storageKey = 'zenith.language';
/** A year: the cookie is written again at each start, so it lasts as long as the browser keeps coming back. */
const cookieMinutes = 365 * 24 * 60;

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

/** One language's strings, or one feature's part of them (mounted under the feature's name). */
export type Catalog = Record<string, unknown>;

/** Loads one part of a language's catalog. */
export type CatalogLoader = () => Promise<Catalog>;

/**
 * Where the catalogs come from. English's shell catalog is bundled (every page needs it, and it is every other
 * language's fallback); the other languages' shell catalogs load when chosen, and each feature's catalog loads, in the
 * language read, with the feature's pages: nobody downloads the words of pages they do not open.
 */
export interface CatalogSources {
  english: Catalog;
  shells: Record<Exclude<LanguageCode, typeof defaultLanguage>, CatalogLoader>;
  /** Each feature's catalog in each language, by feature name. */
  features: Record<string, Partial<Record<LanguageCode, CatalogLoader>>>;
}

function syncDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

let sources: CatalogSources | undefined;
/** The language pages are rendered in, or about to be (set before its catalogs are in). */
let reading: LanguageCode = defaultLanguage;
/** Known once the language is detected: a feature's catalog asked for before then waits for it. */
let detected: Promise<void> = Promise.resolve();
/** Features whose catalog was asked for: a language switch loads theirs in the new language. */
const featuresShown = new Set<string>();
const loads = new Map<string, Promise<void>>();

/** Adds a part of a language's catalog to i18next once; `feature` undefined is the shell's. */
function ensurePart(code: LanguageCode, feature?: string): Promise<void> {
  const key = `${code}:${feature ?? ''}`;
  let load = loads.get(key);
  if (!load) {
    const loader = feature === undefined ? (code === defaultLanguage ? undefined : sources?.shells[code]) : sources?.features[feature]?.[code];
    load = loader
      ? loader().then((catalog) => {
          i18n.addResourceBundle(code, 'translation', feature === undefined ? catalog : { [feature]: catalog }, true, true);
        })
      : Promise.resolve();
    // A failed load (the network) is tried again the next time it is asked for.
    load.catch(() => loads.delete(key));
    loads.set(key, load);
  }
  return load;
}

const isLanguage = (code: string): code is LanguageCode => languages.some((language) => language.code === code);

/**
 * Starts translating; called once, by the composition root, before anything renders. Resolves once the shell's
 * catalog of the detected language is in (at once for English).
 */
export async function startI18n(catalogs: CatalogSources): Promise<void> {
  sources = catalogs;
  let languageKnown = () => {};
  detected = new Promise((resolve) => (languageKnown = resolve));
  await i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: catalogs.english } },
      // The other parts are added as they load (ensurePart).
      partialBundledLanguages: true,
      fallbackLng: defaultLanguage,
      supportedLngs: languages.map((language) => language.code),
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      // React escapes text itself.
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: storageKey,
        // Written, never read back: the detected language must not become a choice the browser's can no longer change.
        caches: ['cookie'],
        lookupCookie: languageCookie,
        cookieMinutes,
        // Sent with a link followed from elsewhere too, so that page is preloaded in the right language.
        cookieOptions: { path: '/', sameSite: 'lax' },
      },
    });
  // Not resolvedLanguage: that is English until the detected language's catalog is in.
  const first = i18n.languages[0] ?? defaultLanguage;
  reading = isLanguage(first) ? first : defaultLanguage;
  languageKnown();
  await ensurePart(reading);
  if (reading !== defaultLanguage) await i18n.changeLanguage(reading);
  syncDocumentLanguage(i18n.resolvedLanguage ?? 'en');
  i18n.on('languageChanged', () => syncDocumentLanguage(i18n.resolvedLanguage ?? 'en'));
}

/** Loads a feature's catalog in the language read (and in the next one chosen): its pages wait for it. */
export async function loadFeatureCatalog(feature: string): Promise<void> {
  featuresShown.add(feature);
  await detected;
  await ensurePart(reading, feature);
}

export function setLanguage(code: LanguageCode) {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Not persisted; still applied for this page.
  }
  reading = code;
  void Promise.all([ensurePart(code), ...[...featuresShown].map((feature) => ensurePart(code, feature))]).then(() => i18n.changeLanguage(code));
}

export { i18n };
