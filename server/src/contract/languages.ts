// The languages the SPA is translated into, and where the BFF learns which one a browser reads: the SPA's language
// detector keeps the language in use in a cookie (the language, not a secret), so the page the BFF serves can name
// that language's catalogs for the browser to fetch beside the code (server/src/client-app).

export const languages = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
] as const;
export type LanguageCode = (typeof languages)[number]['code'];

/** Every other language's fallback (the SPA bundles its shell catalog), and that of a browser that asks for none of the others. */
export const defaultLanguage = 'en' satisfies LanguageCode;

/** The cookie the SPA writes the language it renders in to (on every start and every switch). */
export const languageCookie = 'zenith.language';
