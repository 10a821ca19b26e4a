// The language the SPA will render a page in, as far as the BFF can tell before it runs: the one its language
// detector last wrote to the cookie, else the browser's preferred one among the SPA's (the SPA reads
// navigator.languages, which Accept-Language mirrors), else the default. Only decides what index.html preloads: a
// wrong guess costs one catalog fetched for nothing, never a page in the wrong language.
import type { Request } from 'express';
import { defaultLanguage, languageCookie, languages, type LanguageCode } from '../contract/languages.js';

const codes = languages.map((language) => language.code);

/** The SPA's language a tag such as `fr-CA` names: by its primary subtag, as the SPA loads languages (load: 'languageOnly'). */
function supported(tag: string): LanguageCode | undefined {
  const primary = tag.split(/[-_]/)[0]?.toLowerCase();
  return codes.find((code) => code === primary);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

export function pageLanguage(req: Request): LanguageCode {
  const cookie = cookieValue(req.headers.cookie, languageCookie);
  const chosen = cookie === undefined ? undefined : supported(cookie);
  if (chosen) return chosen;
  // Negotiated by q-value; a range such as `fr-CH` matches `fr`. No header at all accepts the first: the default.
  const accepted = req.acceptsLanguages(...codes);
  return codes.find((code) => code === accepted) ?? defaultLanguage;
}
