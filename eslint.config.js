import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

// The client's layers, each importing only the ones below it: app -> features -> resources -> lib.
// A feature never imports another feature; the list of features is read from disk so a new one is fenced too.
const features = readdirSync(new URL('client/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const layerFences = [
  ...features.map((feature) => ({
    target: `client/src/features/${feature}`,
    from: 'client/src/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature: move what both need to resources/ or lib/.',
  })),
  {
    target: 'client/src/features',
    from: 'client/src/app',
    message: 'features/ sit below app/, the composition root: what a feature needs from it belongs in lib/.',
  },
  {
    target: 'client/src/resources',
    from: ['client/src/features', 'client/src/app'],
    message: 'resources/ sits below features/ and app/.',
  },
  {
    target: 'client/src/lib',
    from: ['client/src/resources', 'client/src/features', 'client/src/app'],
    message: 'lib/ sits below every other layer.',
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'e2e/artifacts/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is typed by its part's tsconfig (client/, server/, e2e/, bench/; the root's for the config
        // files); the scripts and the bench's probe, plain JavaScript, get a default program.
        projectService: { allowDefaultProject: ['scripts/*.mjs', 'bench/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JavaScript declares no types, so what it reads (JSON.parse, a child's output) is `any` by nature.
    files: ['**/*.{js,mjs}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.test.{ts,tsx}'],
    rules: {
      // A test double is async because the API it stands for is (fetch, a queryFn), awaited or not.
      '@typescript-eslint/require-await': 'off',
      // Vitest types its asymmetric matchers (expect.objectContaining...) as `any`, by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.mjs', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['client/src/**/*.{ts,tsx}', 'server/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Which files import-x parses (with typescript-eslint's parser) when it follows imports.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        // The server imports its TypeScript files by their emitted `.js` names (NodeNext).
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerFences }],
    },
  },
);
