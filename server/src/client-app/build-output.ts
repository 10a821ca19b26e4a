// What `npm run build` leaves in client/dist for the BFF besides the files it serves: Vite's manifest and the
// route map the build's route-modules plugin writes (build/vite-plugins.ts). Read by the BFF, written by the build;
// no imports, so the build's Vite config can import it too.

/** Vite's manifest (build.manifest), relative to the dist directory; dotfiles are never served. */
export const viteManifestFile = '.vite/manifest.json';

/** The route map, relative to the dist directory. */
export const routeModulesFile = '.vite/routes.json';

/** One chunk of Vite's manifest, keyed by its source path relative to Vite's root (client/). */
export interface ManifestChunk {
  file: string;
  /** Keys of the chunks it imports statically. */
  imports?: string[];
  /** Keys of the chunks it imports with import(). */
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

export type ViteManifest = Record<string, ManifestChunk>;

/**
 * Every route the SPA declares, with the full path react-router matches it by (`/instances/:id`, `/*`) and the
 * modules it loads on its own (lazy components, loaders' imports) with those of its layout routes first, and the
 * translation catalogs the SPA loads before rendering: keys of Vite's manifest. A build from before the catalogs
 * were written has none.
 */
export interface RouteModules {
  routes: {
    path: string;
    modules: string[];
    /** Its feature's catalog in each language, by language code; none for a route no feature declares. */
    catalogs?: Record<string, string>;
  }[];
  /** The shell's catalog in each language, by language code (English's is in the entry chunk: no key of its own). */
  shellCatalogs?: Record<string, string>;
}

/** Precompressed variants the build writes next to each compressible asset, in the order the BFF prefers them. */
export const precompressedEncodings = [
  { encoding: 'br', extension: '.br' },
  { encoding: 'gzip', extension: '.gz' },
] as const;

/** The kinds of file worth compressing (text); images other than SVG and fonts are compressed already. */
export const compressibleExtensions = ['.js', '.css', '.svg', '.json', '.html'] as const;
