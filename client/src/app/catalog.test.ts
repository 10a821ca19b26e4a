import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogFile, featureCatalogs } from './catalog';

const src = join(import.meta.dirname, '..');
const catalogPaths = readdirSync(join(src, 'features'), { recursive: true, encoding: 'utf8' })
  .map((path) => `../features/${path}`)
  .filter((path) => catalogFile(path));
const featuresWithCatalogs = new Set(catalogPaths.map((path) => catalogFile(path)!.feature));

describe('feature catalogs', () => {
  it('are found by feature and language', () => {
    const load = async () => ({});
    const features = featureCatalogs({ '../features/volumes/locales/en.json': load, '../features/volumes/locales/fr.json': load, '../locales/en.json': load });
    expect(features).toEqual({ volumes: { en: load, fr: load } });
  });

  // A feature's catalog loads with that feature's pages only (app/navigation.ts): a key of it named anywhere else
  // (the shell, lib/, resources/, another feature) would show as the raw key wherever that code renders first.
  it('are used by their own feature only', () => {
    const misplaced: string[] = [];
    for (const path of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(path) || /\.test\.tsx?$/.test(path) || path.startsWith('testing/')) continue;
      const owner = /^features\/([^/]+)\//.exec(path)?.[1];
      const text = readFileSync(join(src, path), 'utf8');
      for (const match of text.matchAll(/['"`]([a-z-]+)\.[a-zA-Z]/g)) {
        const feature = match[1]!;
        if (featuresWithCatalogs.has(feature) && feature !== owner) misplaced.push(`${relative(src, join(src, path))}: ${match[0]}`);
      }
    }
    expect(misplaced).toEqual([]);
  });
});
