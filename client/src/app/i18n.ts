// Starts i18n with the shell's English catalog bundled (the fallback every page needs), the French one loaded when it
// is the chosen language, and each feature's catalog, in the language read, loaded with the feature's pages
// (app/navigation.ts): each is a chunk of its own.
import { startI18n, type Catalog } from '../lib/i18n';
import en from '../locales/en.json';
import { featureCatalogs } from './catalog';

/** Resolves once the language the user reads is ready to render. */
export const i18nReady = startI18n({
  english: en,
  shells: { fr: async () => (await import('../locales/fr.json')).default },
  features: featureCatalogs(import.meta.glob<Catalog>('../features/*/locales/*.json', { import: 'default' })),
});
