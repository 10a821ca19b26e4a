import { describe, expect, it } from 'vitest';
import type { ViteManifest } from './build-output.js';
import { matchRoute, routePreloads } from './route-preload.js';

const routes = [
  { path: '/login' },
  { path: '/' },
  { path: '/instances' },
  { path: '/instances/:id' },
  { path: '/instances/launch' },
  { path: '/stacks/:name/:id' },
  { path: '/stacks/:name/:id/update' },
  { path: '/admin/quotas/defaults' },
  { path: '/admin/quotas/:projectId' },
  { path: '/*' },
];

describe('matchRoute', () => {
  it.each([
    ['/', '/'],
    ['/login', '/login'],
    ['/instances', '/instances'],
    ['/instances/', '/instances'],
    ['/Instances', '/instances'],
    ['/instances/launch', '/instances/launch'],
    ['/instances/8d8b2c4e', '/instances/:id'],
    ['/stacks/web/42', '/stacks/:name/:id'],
    ['/stacks/web/42/update', '/stacks/:name/:id/update'],
    ['/admin/quotas/defaults', '/admin/quotas/defaults'],
    ['/admin/quotas/0c4e939a', '/admin/quotas/:projectId'],
    ['/instances/1/2', '/*'],
    ['/nothing/here', '/*'],
  ])('%s is %s, as React Router ranks them', (pathname, expected) => {
    expect(matchRoute(routes, pathname)?.path).toBe(expected);
  });

  it('matches nothing without a catch-all', () => {
    expect(matchRoute([{ path: '/instances' }], '/volumes')).toBeUndefined();
  });
});

describe('routePreloads', () => {
  const manifest: ViteManifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react-1.js', '_client-1.js'], css: ['assets/index-1.css'] },
    '_react-1.js': { file: 'assets/react-1.js' },
    '_client-1.js': { file: 'assets/client-1.js', imports: ['_react-1.js'] },
    '_list-1.js': { file: 'assets/list-1.js', imports: ['_react-1.js', '_table-1.js'] },
    '_table-1.js': { file: 'assets/table-1.js', imports: ['_list-1.js'] },
    'src/app/shell/app-shell.tsx': { file: 'assets/app-shell-1.js', imports: ['_client-1.js', 'index.html'] },
    'src/features/instances/components/instances-page.tsx': { file: 'assets/instances-page-1.js', imports: ['_list-1.js', 'index.html'] },
    'src/features/topology/components/topology-page.tsx': { file: 'assets/topology-page-1.js', css: ['assets/graph-1.css'] },
  };
  const preloads = routePreloads(manifest, {
    routes: [
      { path: '/instances', modules: ['src/app/shell/app-shell.tsx', 'src/features/instances/components/instances-page.tsx'] },
      { path: '/topology', modules: ['src/app/shell/app-shell.tsx', 'src/features/topology/components/topology-page.tsx'] },
      // A module the bundler merged into another chunk has no manifest entry of its own.
      { path: '/merged', modules: ['src/features/merged/page.tsx'] },
    ],
  });

  it('names the route\'s chunks and what they import, once each, without what the entry loads', () => {
    expect(preloads('/instances', 'en')).toEqual([
      { href: '/assets/app-shell-1.js', kind: 'module' },
      { href: '/assets/instances-page-1.js', kind: 'module' },
      { href: '/assets/list-1.js', kind: 'module' },
      { href: '/assets/table-1.js', kind: 'module' },
    ]);
  });

  it('names a route chunk\'s stylesheet too', () => {
    expect(preloads('/topology', 'en')).toContainEqual({ href: '/assets/graph-1.css', kind: 'style' });
  });

  it('names nothing for a path no route matches, or whose modules have no chunk', () => {
    expect(preloads('/volumes', 'en')).toEqual([]);
    expect(preloads('/merged', 'en')).toEqual([]);
  });
});

describe('routePreloads, for the app the entry imports', () => {
  // main.tsx starts the page's first read, then import()s the app: React and the rest, for every page.
  const manifest: ViteManifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_client-1.js'], dynamicImports: ['src/app/start.tsx'] },
    '_client-1.js': { file: 'assets/client-1.js' },
    'src/app/start.tsx': { file: 'assets/start-1.js', imports: ['_vendor-1.js', '_client-1.js'] },
    '_vendor-1.js': { file: 'assets/vendor-1.js' },
    'src/features/instances/components/instances-page.tsx': { file: 'assets/instances-page-1.js', imports: ['_vendor-1.js'] },
    'src/features/instances/locales/fr.json': { file: 'assets/fr-instances.js' },
  };
  const preloads = routePreloads(manifest, {
    routes: [
      {
        path: '/instances',
        modules: ['src/features/instances/components/instances-page.tsx'],
        catalogs: { fr: 'src/features/instances/locales/fr.json' },
      },
    ],
  });

  it('names it for every page, after the words and before the route\'s own chunks, without what the entry loads', () => {
    expect(preloads('/instances', 'fr').map((preload) => preload.href)).toEqual([
      '/assets/fr-instances.js',
      '/assets/start-1.js',
      '/assets/vendor-1.js',
      '/assets/instances-page-1.js',
    ]);
    expect(preloads('/nothing', 'en').map((preload) => preload.href)).toEqual(['/assets/start-1.js', '/assets/vendor-1.js']);
  });
});

describe('routePreloads, for the catalogs', () => {
  const manifest: ViteManifest = {
    // English's shell catalog is in the entry; a feature's catalogs and the other languages' shell are chunks of their own.
    'index.html': { file: 'assets/index-1.js', isEntry: true },
    'src/locales/fr.json': { file: 'assets/fr-shell.js' },
    'src/app/shell/app-shell.tsx': { file: 'assets/app-shell-1.js' },
    'src/features/overview/components/overview-page.tsx': { file: 'assets/overview-page-1.js' },
    'src/features/instances/components/instances-page.tsx': { file: 'assets/instances-page-1.js' },
    'src/features/instances/locales/en.json': { file: 'assets/en-instances.js' },
    'src/features/instances/locales/fr.json': { file: 'assets/fr-instances.js' },
    'src/features/volumes/components/volumes-page.tsx': { file: 'assets/volumes-page-1.js' },
    'src/features/volumes/locales/en.json': { file: 'assets/en-volumes.js' },
    'src/features/volumes/locales/fr.json': { file: 'assets/fr-volumes.js' },
  };
  const instances = { en: 'src/features/instances/locales/en.json', fr: 'src/features/instances/locales/fr.json' };
  const preloads = routePreloads(manifest, {
    routes: [
      { path: '/', modules: ['src/app/shell/app-shell.tsx', 'src/features/overview/components/overview-page.tsx'] },
      { path: '/instances', modules: ['src/app/shell/app-shell.tsx', 'src/features/instances/components/instances-page.tsx'], catalogs: instances },
      { path: '/instances/:id', modules: ['src/app/shell/app-shell.tsx'], catalogs: instances },
      {
        path: '/volumes',
        modules: ['src/app/shell/app-shell.tsx', 'src/features/volumes/components/volumes-page.tsx'],
        catalogs: { en: 'src/features/volumes/locales/en.json', fr: 'src/features/volumes/locales/fr.json' },
      },
      // A feature without catalogs of its own.
      { path: '/empty', modules: ['src/app/shell/app-shell.tsx'], catalogs: {} },
    ],
    shellCatalogs: { en: 'src/locales/en.json', fr: 'src/locales/fr.json' },
  });
  const catalogsOf = (pathname: string, language: 'en' | 'fr') =>
    preloads(pathname, language)
      .map((preload) => preload.href)
      .filter((href) => /\/(en|fr)-/.test(href));

  it.each([
    ['/instances', 'en', ['/assets/en-instances.js']],
    ['/instances', 'fr', ['/assets/fr-shell.js', '/assets/fr-instances.js']],
    ['/instances/8d8b2c4e', 'en', ['/assets/en-instances.js']],
    ['/volumes', 'en', ['/assets/en-volumes.js']],
    ['/volumes', 'fr', ['/assets/fr-shell.js', '/assets/fr-volumes.js']],
  ] as const)("names %s's feature catalog in %s before its code, with the shell's when not bundled", (pathname, language, expected) => {
    expect(catalogsOf(pathname, language)).toEqual(expected);
    // First: the browser fetches a few files at a time, and the page renders with none of them missing.
    expect(preloads(pathname, language).slice(0, expected.length).map((preload) => preload.href)).toEqual(expected);
  });

  it("names no feature catalog for a route no feature declares (the overview reads the shell's words), nor for a feature without one", () => {
    expect(catalogsOf('/', 'en')).toEqual([]);
    expect(catalogsOf('/', 'fr')).toEqual(['/assets/fr-shell.js']);
    expect(catalogsOf('/empty', 'en')).toEqual([]);
  });

  it("names the shell's catalog even where no route matches: the SPA renders its error page in that language", () => {
    expect(preloads('/nothing', 'fr')).toEqual([{ href: '/assets/fr-shell.js', kind: 'module' }]);
    expect(preloads('/nothing', 'en')).toEqual([]);
  });

  it('names no catalog for a build from before the route map had them', () => {
    const older = routePreloads(manifest, { routes: [{ path: '/instances', modules: ['src/features/instances/components/instances-page.tsx'] }] });
    expect(older('/instances', 'fr')).toEqual([{ href: '/assets/instances-page-1.js', kind: 'module' }]);
  });
});
