import { describe, expect, it } from 'vitest';
import { catalogFile } from '../app/catalog';
import type { Catalog } from '../lib/i18n';
import en from './en.json';
import fr from './fr.json';

const featureFiles = import.meta.glob<Catalog>('../features/*/locales/*.json', { eager: true, import: 'default' });

/** A language's whole catalog: the shell's with every feature's mounted under its name, as the app ends up with. */
function whole(language: string, shell: Catalog): Catalog {
  const catalog = { ...shell };
  for (const [path, featureCatalog] of Object.entries(featureFiles)) {
    const file = catalogFile(path);
    if (file?.language === language) catalog[file.feature] = featureCatalog;
  }
  return catalog;
}

const catalogs = { en: whole('en', en), fr: whole('fr', fr) };

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(node: unknown, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const baseKey = (key: string) => key.replace(pluralSuffix, '');
const variables = (text: string) => [...text.matchAll(/{{\s*([\w.-]+)\s*}}/g)].map((match) => match[1]).sort();

describe('locale catalogs', () => {
  const flat = Object.fromEntries(Object.entries(catalogs).map(([language, catalog]) => [language, flatten(catalog)]));
  const baseKeys = (language: keyof typeof catalogs) => new Set([...flat[language]!.keys()].map(baseKey));

  it('have the same keys in English and French', () => {
    const english = baseKeys('en');
    const french = baseKeys('fr');
    expect([...english].filter((key) => !french.has(key)), 'missing in fr.json').toEqual([]);
    expect([...french].filter((key) => !english.has(key)), 'missing in en.json').toEqual([]);
  });

  it('have every plural form each language needs', () => {
    for (const [language, entries] of Object.entries(flat)) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set([...entries.keys()].filter((key) => pluralSuffix.test(key)).map(baseKey));
      for (const key of plurals) {
        const missing = categories.filter((category) => !entries.has(`${key}_${category}`));
        expect(missing, `${language}: ${key}`).toEqual([]);
      }
    }
  });

  it('use the same interpolation variables in every language', () => {
    for (const [key, english] of flat.en!) {
      const frenchKey = flat.fr!.has(key) ? key : `${baseKey(key)}_other`;
      const french = flat.fr!.get(frenchKey);
      if (french === undefined) continue; // reported by the key test
      // A singular form may spell its count out ("1 project") instead of using {{shown}}.
      if (key.endsWith('_one')) continue;
      expect(variables(french), key).toEqual(variables(english));
    }
  });

  it('have no empty texts', () => {
    for (const [language, entries] of Object.entries(flat)) {
      const empty = [...entries].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty, language).toEqual([]);
    }
  });
});
