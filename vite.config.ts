import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { precompress, routeModules } from './build/vite-plugins.ts';

const bffPort = process.env.ZENITH_PORT ?? '8080';

export default defineConfig(({ command }) => ({
  root: 'client',
  // The BFF reads the route map and Vite's manifest to preload each page's code, and serves the compressed files.
  plugins: [react(), tailwindcss(), routeModules(), precompress()],
  resolve: {
    alias: [
      // The SPA–BFF contract lives with the BFF's sources (it is built with them); client/tsconfig.json maps it too.
      { find: '@contract', replacement: fileURLToPath(new URL('./server/src/contract', import.meta.url)) },
      // React Router's package exports name only its development build (its dev warnings on); the build takes the
      // production one it ships beside it. Tests and the dev server keep the warnings.
      ...(command === 'build'
        ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) }]
        : []),
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // Written for whoever debugs a build, named by no script: the BFF serves them only with ZENITH_SOURCEMAPS.
    sourcemap: 'hidden',
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page runs, in one chunk of their own: it keeps its hash (and the browser's cached
            // copy) across releases that change only Zenith's code, and the first page fetches one file for them.
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]react-query|@tanstack[\\/]query-core|i18next|react-i18next|i18next-browser-languagedetector|use-sync-external-store|clsx)[\\/]/,
              priority: 4,
            },
            // What the entry (main.tsx) runs before the app: its own chunk, small, so the page's first read starts early.
            { name: 'index', test: /[\\/]client[\\/]src[\\/]/, tags: ['$initial'], priority: 3 },
            // The app's shell (app/start.tsx and everything it imports), one chunk: every page runs all of it.
            { name: 'start', test: /[\\/]client[\\/]src[\\/]app[\\/]start\.tsx$/, includeDependenciesRecursively: true, priority: 2 },
            // Zenith's modules most pages share (the list page, its table, forms' fields, the request log's views), one
            // chunk rather than one per set of pages that use them.
            { name: 'common', test: /[\\/]client[\\/]src[\\/]/, minShareCount: 12, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // In development the SPA talks to a BFF started separately (npm run dev starts both).
    proxy: { '/api': `http://127.0.0.1:${bffPort}` },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
          environment: 'node',
          // The client's tests translate with the shell's catalog; a feature's words load with its pages, as in the app.
          setupFiles: ['client/src/app/i18n.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['server/test/**/*.int.test.ts'],
          environment: 'node',
          // One cloud, one Keystone: integration files run one after the other.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
