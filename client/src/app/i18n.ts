// Starts i18n with the English catalog bundled (the fallback every page needs) and the French one loaded when it is
// the chosen language: each language's catalog is the shell's plus every feature's (app/catalog.ts).
import { startI18n } from '../lib/i18n';
import en from '../locales/en.json';
import { mountFeatureCatalogs } from './catalog';

export const english = mountFeatureCatalogs(en, import.meta.glob('../features/*/locales/en.json', { eager: true, import: 'default' }));

/** Resolves once the language the user reads is ready to render. */
export const i18nReady = startI18n(english, { fr: async () => (await import('./catalog-fr')).french });
