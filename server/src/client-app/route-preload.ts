// Which files a page of the SPA will load beyond its entry chunk, found from the build's route map and Vite's
// manifest, so index.html can name them (<link rel="modulepreload">) and the browser fetches the route's code and
// words while the entry is still downloading, instead of after it ran.
import { languages, type LanguageCode } from '../contract/languages.js';
import type { RouteModules, ViteManifest } from './build-output.js';

export interface Preload {
  href: string;
  kind: 'module' | 'style';
}

const isSplat = (segment: string) => segment === '*';

/**
 * React Router's ranking (its computeScore): more segments and static ones rank higher, parameters less, a splat
 * least; the best-ranked match wins, whatever the declaration order.
 */
function score(pattern: string): number {
  const segments = pattern.split('/');
  const initial = segments.length + (segments.some(isSplat) ? -2 : 0);
  return segments
    .filter((segment) => !isSplat(segment))
    .reduce((total, segment) => total + (segment.startsWith(':') ? 3 : segment === '' ? 1 : 10), initial);
}

function matches(pattern: string, pathname: string): boolean {
  const wanted = pattern.split('/').filter(Boolean);
  const given = pathname.split('/').filter(Boolean);
  for (const [index, segment] of wanted.entries()) {
    if (isSplat(segment)) return true;
    const value = given[index];
    if (value === undefined) return false;
    // React Router compares paths case-insensitively.
    if (!segment.startsWith(':') && segment.toLowerCase() !== value.toLowerCase()) return false;
  }
  return wanted.length === given.length;
}

/** The route React Router would render for this path, among full paths such as `/instances/:id` and `/*`. */
export function matchRoute<Route extends { path: string }>(routes: readonly Route[], pathname: string): Route | undefined {
  let best: Route | undefined;
  for (const route of routes) {
    if (matches(route.path, pathname) && (best === undefined || score(route.path) > score(best.path))) best = route;
  }
  return best;
}

/**
 * For each path and language: the catalogs the SPA waits for before rendering it in that language (the shell's, the
 * route's feature's), then the app's code the entry imports, then the chunks of its route's modules and everything they import, with their CSS, minus what
 * the entry already loads (index.html names those itself). No code for a path no route matches.
 */
export function routePreloads(manifest: ViteManifest, { routes, shellCatalogs = {} }: RouteModules): (pathname: string, language: LanguageCode) => Preload[] {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  const loadedByEntry = new Set<string>();
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || into.has(key)) return;
    into.add(key);
    for (const imported of chunk.imports ?? []) closure(imported, into);
  };
  if (entry) closure(entry[0], loadedByEntry);

  const preloadsOf = (modules: readonly string[]): Preload[] => {
    const keys = new Set<string>();
    for (const module of modules) closure(module, keys);
    const preloads = [...keys]
      .filter((key) => !loadedByEntry.has(key))
      .flatMap((key): Preload[] => {
        const chunk = manifest[key];
        if (!chunk) return [];
        return [{ href: `/${chunk.file}`, kind: 'module' }, ...(chunk.css ?? []).map((css): Preload => ({ href: `/${css}`, kind: 'style' }))];
      });
    return preloads.filter((preload, index) => preloads.findIndex((other) => other.href === preload.href) === index);
  };

  type Route = RouteModules['routes'][number];
  // The catalogs first: the browser fetches the page's files a few at a time (HTTP/1.1), and these few kilobytes
  // would otherwise come last, after all of the page's code, though nothing renders without them.
  // The entry only starts the page's first read, then imports the app itself (main.tsx): every page needs that code,
  // right after its words.
  const app = entry?.[1].dynamicImports ?? [];
  const preloadsFor = (route: Route | undefined, language: LanguageCode) =>
    preloadsOf([shellCatalogs[language], route?.catalogs?.[language], ...app, ...(route?.modules ?? [])].filter((key): key is string => key !== undefined));
  const byRoute = new Map(routes.map((route) => [route.path, new Map(languages.map(({ code }) => [code, preloadsFor(route, code)]))]));
  return (pathname, language) => {
    const route = matchRoute(routes, pathname);
    return (route && byRoute.get(route.path)?.get(language)) ?? preloadsFor(undefined, language);
  };
}
