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
    expect(preloads('/instances')).toEqual([
      { href: '/assets/app-shell-1.js', kind: 'module' },
      { href: '/assets/instances-page-1.js', kind: 'module' },
      { href: '/assets/list-1.js', kind: 'module' },
      { href: '/assets/table-1.js', kind: 'module' },
    ]);
  });

  it('names a route chunk\'s stylesheet too', () => {
    expect(preloads('/topology')).toContainEqual({ href: '/assets/graph-1.css', kind: 'style' });
  });

  it('names nothing for a path no route matches, or whose modules have no chunk', () => {
    expect(preloads('/volumes')).toEqual([]);
    expect(preloads('/merged')).toEqual([]);
  });
});
