// The build's own steps for the BFF: the route map it preloads pages' code from, and the compressed variants it
// serves. Imported by vite.config.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { compressibleExtensions, routeModulesFile, type RouteModules } from '../server/src/client-app/build-output.ts';
import { catalogFiles, declaredRoutes } from './route-modules.ts';

/** The route map, as the BFF reads it: module paths relative to the client's root, as Vite's manifest keys them. */
export function routeModulesFor(clientRoot: string): RouteModules {
  const key = (file: string) => relative(clientRoot, file).split(sep).join('/');
  const catalogKeys = (feature?: string) =>
    Object.fromEntries(Object.entries(catalogFiles(clientRoot, feature)).map(([language, file]) => [language, key(file)]));
  return {
    routes: declaredRoutes(clientRoot).map(({ path, modules, feature }) => ({
      path,
      modules: modules.map(key),
      ...(feature !== undefined && { catalogs: catalogKeys(feature) }),
    })),
    shellCatalogs: catalogKeys(),
  };
}

/** Writes `.vite/routes.json` beside Vite's manifest. */
export function routeModules(): Plugin {
  let root = '';
  return {
    name: 'zenith:route-modules',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: routeModulesFile, source: `${JSON.stringify(routeModulesFor(root), null, 2)}\n` });
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Writes a `.br` (quality 11) and a `.gz` (level 9) beside every compressible file of the bundle, when smaller:
 * done once here, so the BFF serves the smallest bytes at no cost per request. index.html is left out: the BFF
 * writes into it per request and compresses it then.
 */
export function precompress(): Plugin {
  let log: (message: string) => void = () => undefined;
  return {
    name: 'zenith:precompress',
    apply: 'build',
    configResolved(config) {
      log = (message) => config.logger.info(message);
    },
    async writeBundle(options, bundle) {
      const directory = options.dir;
      if (!directory) return;
      const names = Object.keys(bundle).filter(
        (name) => (compressibleExtensions as readonly string[]).includes(extname(name)) && !name.endsWith('.html') && !name.startsWith('.vite/'),
      );
      const totals = { identity: 0, br: 0, gzip: 0 };
      await Promise.all(
        names.map(async (name) => {
          const file = join(directory, name);
          const source = await readFile(file);
          const [br, gz] = await Promise.all([
            brotli(source, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            gzipped(source, { level: 9 }),
          ]);
          totals.identity += source.length;
          totals.br += Math.min(br.length, source.length);
          totals.gzip += Math.min(gz.length, source.length);
          if (br.length < source.length) await writeFile(`${file}.br`, br);
          if (gz.length < source.length) await writeFile(`${file}.gz`, gz);
        }),
      );
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
      log(`precompressed ${names.length} files: ${kb(totals.identity)}, brotli ${kb(totals.br)}, gzip ${kb(totals.gzip)}`);
    },
  };
}
