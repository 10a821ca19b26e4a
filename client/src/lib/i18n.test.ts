// @vitest-environment jsdom
// Catalogs load in parts: the shell's English one bundled, the other languages' shells when chosen, and each
// feature's in the language read, when its pages ask for it. Each test starts i18next afresh, from made-up catalogs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogSources } from './i18n';

type I18nModule = typeof import('./i18n');

function sources() {
  const load = (catalog: Record<string, unknown>) => vi.fn(async () => catalog);
  return {
    english: { app: { title: 'Zenith' } },
    shells: { fr: load({ app: { title: 'Zénith' } }) },
    features: {
      volumes: { en: load({ title: 'Volumes' }), fr: load({ title: 'Volumes (fr)' }) },
      images: { en: load({ title: 'Images' }), fr: load({ title: 'Images (fr)' }) },
    },
  } satisfies CatalogSources;
}

async function start(catalogs: CatalogSources): Promise<I18nModule> {
  vi.resetModules();
  const module = await import('./i18n');
  await module.startI18n(catalogs);
  return module;
}

// The made-up keys are not the app's typed ones.
const text = ({ i18n }: I18nModule, key: string) => (i18n.t as (key: string) => string)(key);

const languageCookie = () => /(?:^|; )zenith\.language=([^;]*)/.exec(document.cookie)?.[1];

afterEach(() => {
  localStorage.clear();
  document.cookie = 'zenith.language=; path=/; max-age=0';
});

describe('catalogs', () => {
  it("load a feature's words in the language read when its pages ask, once, and no other feature's", async () => {
    const catalogs = sources();
    const i18n = await start(catalogs);
    expect(text(i18n, 'app.title')).toBe('Zenith');
    await i18n.loadFeatureCatalog('volumes');
    await i18n.loadFeatureCatalog('volumes');
    expect(text(i18n, 'volumes.title')).toBe('Volumes');
    expect(catalogs.features.volumes.en).toHaveBeenCalledTimes(1);
    expect(catalogs.features.images.en).not.toHaveBeenCalled();
    expect(catalogs.features.volumes.fr).not.toHaveBeenCalled();
    expect(catalogs.shells.fr).not.toHaveBeenCalled();
  });

  it('start in the language the user chose before, with its shell, and load features in it', async () => {
    localStorage.setItem('zenith.language', 'fr');
    const catalogs = sources();
    const i18n = await start(catalogs);
    expect(text(i18n, 'app.title')).toBe('Zénith');
    await i18n.loadFeatureCatalog('images');
    expect(text(i18n, 'images.title')).toBe('Images (fr)');
    expect(catalogs.features.images.en).not.toHaveBeenCalled();
  });

  it('switch language with the shell and every feature shown so far, then the next feature in the new one', async () => {
    const catalogs = sources();
    const i18n = await start(catalogs);
    await i18n.loadFeatureCatalog('volumes');
    const switched = new Promise((resolve) => i18n.i18n.on('languageChanged', resolve));
    i18n.setLanguage('fr');
    await switched;
    expect(text(i18n, 'app.title')).toBe('Zénith');
    expect(text(i18n, 'volumes.title')).toBe('Volumes (fr)');
    await i18n.loadFeatureCatalog('images');
    expect(text(i18n, 'images.title')).toBe('Images (fr)');
    expect(localStorage.getItem('zenith.language')).toBe('fr');
  });

  it('keep the language in use in a cookie for the BFF, the detected one too, but store only a choice', async () => {
    const i18n = await start(sources());
    // The tag i18next settled on (jsdom's navigator says en-US): the BFF reads its language.
    expect(languageCookie()).toBe('en-US');
    expect(localStorage.getItem('zenith.language')).toBeNull();
    const switched = new Promise((resolve) => i18n.i18n.on('languageChanged', resolve));
    i18n.setLanguage('fr');
    await switched;
    expect(languageCookie()).toBe('fr');
    expect(localStorage.getItem('zenith.language')).toBe('fr');
  });

  it('try a catalog again after its load failed', async () => {
    const catalogs = sources();
    catalogs.features.volumes.en.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const i18n = await start(catalogs);
    await expect(i18n.loadFeatureCatalog('volumes')).rejects.toThrow('Failed to fetch');
    await i18n.loadFeatureCatalog('volumes');
    expect(text(i18n, 'volumes.title')).toBe('Volumes');
  });
});
