// The route map against the routes as the SPA really declares them (its route objects, built by the same code the
// app runs) and the BFF's matching against React Router's own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type RouteObject } from 'react-router';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoutes } from '../client/src/app/router';
import { matchRoute } from '../server/src/client-app/route-preload';
import { declaredRoutes } from './route-modules';
import { routeModulesFor } from './vite-plugins';

const clientRoot = fileURLToPath(new URL('../client', import.meta.url));

interface RuntimeRoute {
  path: string;
  route: RouteObject;
  /** How many lazy modules it and its layouts load. */
  lazies: number;
}

/** Every route object with a path or index, with its full path joined as React Router joins it. */
function runtimeRoutes(routes: RouteObject[], parentPath = '/', parentLazies = 0): RuntimeRoute[] {
  return routes.flatMap((route) => {
    const path = route.path === undefined ? parentPath : route.path.startsWith('/') ? route.path : `${parentPath.replace(/\/+$/, '')}/${route.path}`;
    const lazies = parentLazies + (route.lazy ? 1 : 0);
    const own = route.path !== undefined || route.index ? [{ path, route, lazies }] : [];
    return [...runtimeRoutes(route.children ?? [], path, lazies), ...own];
  });
}

const tree = appRoutes(new QueryClient());
const runtime = runtimeRoutes(tree);
const declared = declaredRoutes(clientRoot);

describe('the route map of the real SPA', () => {
  it('has every route the app declares, once, by its full path', () => {
    expect(runtime.length).toBeGreaterThan(40);
    expect(declared.map((route) => route.path).sort()).toEqual(runtime.map((route) => route.path).sort());
    expect(new Set(declared.map((route) => route.path)).size).toBe(declared.length);
  });

  it('gives every lazy route its modules, its layouts\' included', () => {
    for (const { path, lazies } of runtime) {
      const found = declared.find((route) => route.path === path);
      expect(found?.modules.length, path).toBeGreaterThanOrEqual(lazies);
    }
    const instances = routeModulesFor(clientRoot).routes.find((route) => route.path === '/instances');
    expect(instances?.modules).toEqual(['src/app/shell/app-shell.tsx', 'src/features/instances/components/instances-page.tsx']);
    // A loader's own imports are part of its page's code.
    expect(declared.find((route) => route.path === '/volumes')?.modules.map((file) => file.slice(clientRoot.length))).toEqual(
      expect.arrayContaining(['/src/resources/volumes/volumes.ts', '/src/features/volumes/components/volumes-page.tsx']),
    );
  });

  it("gives a feature's routes its catalogs and no other route any, and the shell's catalogs", () => {
    const { routes, shellCatalogs } = routeModulesFor(clientRoot);
    const catalogsOf = (path: string) => routes.find((route) => route.path === path)?.catalogs;
    const instances = { en: 'src/features/instances/locales/en.json', fr: 'src/features/instances/locales/fr.json' };
    expect(catalogsOf('/instances')).toEqual(instances);
    expect(catalogsOf('/instances/:id')).toEqual(instances);
    expect(catalogsOf('/admin/volume-types')).toEqual({ en: 'src/features/volume-types/locales/en.json', fr: 'src/features/volume-types/locales/fr.json' });
    // The overview, the login page and the catch-all are the app's own routes: they read the shell's words.
    for (const path of ['/', '/login', '/*']) expect(catalogsOf(path), path).toBeUndefined();
    expect(shellCatalogs).toEqual({ en: 'src/locales/en.json', fr: 'src/locales/fr.json' });
  });

  it('is matched by the BFF as React Router matches it', () => {
    const sample = (path: string) => path.replace(/:[\w-]+/g, (name) => `sample-${name.slice(1)}`).replace('*', 'some/where');
    for (const { path } of runtime) {
      const url = sample(path);
      const rendered = matchRoutes(tree, url)?.at(-1)?.route;
      const expectedPath = runtime.find((candidate) => candidate.route === rendered)?.path;
      expect(expectedPath, url).toBeDefined();
      expect(matchRoute(declared, url)?.path, url).toBe(expectedPath);
    }
  });
});

describe('reading route declarations', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  function client(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'zenith-routes-'));
    roots.push(root);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    return root;
  }

  const router = `
    export function appRoutes() {
      return [
        { path: '/login', lazy: () => import('../features/auth/login') },
        { lazy: () => import('./shell'), children: [{ index: true, lazy: () => import('./home') }, ...featureRoutes(context)] },
      ];
    }`;

  it('joins paths as React Router does and follows a loader\'s helper to its import', () => {
    const root = client({
      'src/app/router.tsx': router,
      'src/app/shell.tsx': '',
      'src/app/home.tsx': '',
      'src/features/auth/login.tsx': '',
      'src/features/things/routes.ts': `
        const things = () => import('../../resources/things');
        export const feature = { routes: (context) => [
          { path: 'things', loader: async () => (await things()).load(), lazy: () => import('./page') },
          { path: '/things/new', lazy: () => import('./page') },
        ], nav: [] };`,
      'src/features/things/page.tsx': '',
      'src/resources/things.ts': '',
    });
    const routes = declaredRoutes(root).map(({ modules, ...route }) => ({ ...route, modules: modules.map((file) => file.slice(root.length)) }));
    expect(routes).toEqual([
      { path: '/login', modules: ['/src/features/auth/login.tsx'] },
      { path: '/', modules: ['/src/app/shell.tsx', '/src/app/home.tsx'] },
      { path: '/things', modules: ['/src/app/shell.tsx', '/src/features/things/page.tsx', '/src/resources/things.ts'], feature: 'things' },
      { path: '/things/new', modules: ['/src/app/shell.tsx', '/src/features/things/page.tsx'], feature: 'things' },
    ]);
  });

  it('fails the build on a declaration it cannot read, naming the file and line', () => {
    const unreadable = (routes: string) =>
      client({ 'src/app/router.tsx': router, 'src/app/shell.tsx': '', 'src/app/home.tsx': '', 'src/features/auth/login.tsx': '', 'src/features/x/routes.ts': routes });
    expect(() => declaredRoutes(unreadable('export const feature = { routes: () => [{ path: base + "/x" }], nav: [] };'))).toThrow(
      /routes\.ts:1: a path that is not a string literal/,
    );
    expect(() => declaredRoutes(unreadable('export const feature = { routes: () => [{ path: "x", lazy: () => import(name) }], nav: [] };'))).toThrow(
      /routes\.ts:1: an import\(\) of a computed name/,
    );
    expect(() => declaredRoutes(unreadable('export const feature = { routes: () => [{ path: "x", lazy: () => import("./gone") }], nav: [] };'))).toThrow(
      /import\('\.\/gone'\) names no file/,
    );
    expect(() => declaredRoutes(unreadable('export const feature = { routes: () => [...more()], nav: [] };'))).toThrow(/not an object literal/);
  });
});
