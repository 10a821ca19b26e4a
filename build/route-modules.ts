// Which modules each route of the SPA loads, read from the route declarations themselves (client/src/app/router.tsx
// and every client/src/features/*/routes.ts) without running them: the path of each route object, joined with its
// parents' as React Router joins them, and the `import('…')` of its `lazy` and `loader` (and of the same file's
// top-level functions they call), and the feature whose routes.ts declares it. The BFF uses the result to preload a
// page's code and its feature's translation catalog (server/src/client-app).
// Declarations this cannot read make the build fail, never a silently missing route.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

export interface DeclaredRoute {
  /** The full path React Router matches: `/instances/:id`, `/` for the index route, `/*` for the catch-all. */
  path: string;
  /** Absolute paths of the modules it loads: its layouts' first, then its own. */
  modules: string[];
  /** The feature folder whose routes.ts declares it: its page also loads that feature's catalog (app/navigation.ts). */
  feature?: string;
}

/** Where the routes are declared, relative to the client's root (Vite's root). */
export const routeSources = {
  router: 'src/app/router.tsx',
  /** The function of router.tsx that returns the route tree, and the call in it the features' routes go in place of. */
  treeFunction: 'appRoutes',
  featureInsertion: 'featureRoutes',
  features: 'src/features',
  /** The translation catalogs, one `<language>.json` each: the shell's, and a feature's under its folder. */
  shellCatalogs: 'src/locales',
  featureCatalogs: 'locales',
};

/**
 * A catalog file of each language, by language: the shell's (`src/locales/`), or a feature's
 * (`src/features/<feature>/locales/`), as app/i18n.ts finds them.
 */
export function catalogFiles(clientRoot: string, feature?: string): Record<string, string> {
  const directory =
    feature === undefined ? join(clientRoot, routeSources.shellCatalogs) : join(clientRoot, routeSources.features, feature, routeSources.featureCatalogs);
  if (!existsSync(directory)) return {};
  return Object.fromEntries(
    readdirSync(directory)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => [file.slice(0, -'.json'.length), join(directory, file)]),
  );
}

export function declaredRoutes(clientRoot: string): DeclaredRoute[] {
  const featuresDirectory = join(clientRoot, routeSources.features);
  const featureFiles = readdirSync(featuresDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, file: join(featuresDirectory, entry.name, 'routes.ts') }))
    .filter(({ file }) => existsSync(file))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  const featureArrays = featureFiles.map(({ name, file }) => {
    const source = parse(file);
    const routes = featureRoutesArray(source);
    if (!routes) throw new Error(`${file}: no \`routes: (context) => [...]\` found`);
    return { name, source, routes };
  });

  const router = parse(join(clientRoot, routeSources.router));
  const tree = routeTreeArray(router);
  if (!tree) throw new Error(`${router.fileName}: no \`return [...]\` in ${routeSources.treeFunction}()`);

  const found: DeclaredRoute[] = [];
  const walk = (array: ts.ArrayLiteralExpression, source: ts.SourceFile, parentPath: string, parentModules: string[], feature?: string) => {
    for (const element of array.elements) {
      if (ts.isSpreadElement(element) && isCallOf(element.expression, routeSources.featureInsertion)) {
        for (const declared of featureArrays) walk(declared.routes, declared.source, parentPath, parentModules, declared.name);
        continue;
      }
      if (!ts.isObjectLiteralExpression(element)) throw unreadable(source, element, 'a route that is not an object literal');
      const property = (name: string) =>
        element.properties.find((candidate): candidate is ts.PropertyAssignment => ts.isPropertyAssignment(candidate) && propertyName(candidate) === name);
      const pathProperty = property('path');
      let ownPath: string | undefined;
      if (pathProperty) {
        if (!ts.isStringLiteralLike(pathProperty.initializer)) throw unreadable(source, pathProperty, 'a path that is not a string literal');
        ownPath = pathProperty.initializer.text;
      }
      const isIndex = property('index')?.initializer.kind === ts.SyntaxKind.TrueKeyword;
      const path = ownPath === undefined ? parentPath : joinPaths(parentPath, ownPath);
      const modules = [
        ...parentModules,
        ...['lazy', 'loader'].flatMap((name) => {
          const initializer = property(name)?.initializer;
          return initializer ? importsIn(initializer, source) : [];
        }),
      ];
      const children = property('children')?.initializer;
      if (children) {
        if (!ts.isArrayLiteralExpression(children)) throw unreadable(source, children, 'children that are not an array literal');
        walk(children, source, path, modules, feature);
      }
      if (ownPath !== undefined || isIndex) found.push({ path, modules: [...new Set(modules)], ...(feature !== undefined && { feature }) });
    }
  };
  walk(tree, router, '/', []);
  return found;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function unreadable(source: ts.SourceFile, node: ts.Node, what: string): Error {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return new Error(`${source.fileName}:${line + 1}: ${what}; the route map (build/route-modules.ts) cannot read it`);
}

function propertyName(property: ts.PropertyAssignment): string | undefined {
  return ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
}

function isCallOf(node: ts.Node, name: string): boolean {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name;
}

/** React Router's joining: a child path starting with `/` is absolute, any other is under its parent's. */
function joinPaths(parent: string, child: string): string {
  if (child.startsWith('/')) return child;
  return `${parent.replace(/\/+$/, '')}/${child}`;
}

/** The array a function returns: its expression body, or its `return [...]`. */
function returnedArray(body: ts.ConciseBody | undefined): ts.ArrayLiteralExpression | undefined {
  if (!body) return undefined;
  let expression: ts.Node | undefined = body;
  if (ts.isBlock(body)) expression = body.statements.find(ts.isReturnStatement)?.expression;
  while (expression && (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression))) {
    expression = expression.expression;
  }
  return expression && ts.isArrayLiteralExpression(expression) ? expression : undefined;
}

function featureRoutesArray(source: ts.SourceFile): ts.ArrayLiteralExpression | undefined {
  let found: ts.ArrayLiteralExpression | undefined;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (ts.isPropertyAssignment(node) && propertyName(node) === 'routes') {
      const value = node.initializer;
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) found = returnedArray(value.body);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function routeTreeArray(source: ts.SourceFile): ts.ArrayLiteralExpression | undefined {
  const declaration = source.statements.find(
    (statement): statement is ts.FunctionDeclaration => ts.isFunctionDeclaration(statement) && statement.name?.text === routeSources.treeFunction,
  );
  return returnedArray(declaration?.body);
}

/**
 * The files `import('…')` calls under this node load, following identifiers to the same file's top-level
 * declarations (`const volumeTypes = () => import('…')` used by a loader).
 */
function importsIn(node: ts.Node, source: ts.SourceFile, seen = new Set<ts.Node>()): string[] {
  const files: string[] = [];
  const visit = (current: ts.Node) => {
    if (ts.isCallExpression(current) && current.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = current.arguments;
      if (!specifier || !ts.isStringLiteralLike(specifier)) throw unreadable(source, current, 'an import() of a computed name');
      files.push(resolveModule(source.fileName, specifier.text));
    } else if (ts.isIdentifier(current)) {
      const declaration = topLevelDeclaration(source, current.text);
      if (declaration && !seen.has(declaration)) {
        seen.add(declaration);
        files.push(...importsIn(declaration, source, seen));
      }
    }
    ts.forEachChild(current, visit);
  };
  visit(node);
  return files;
}

function topLevelDeclaration(source: ts.SourceFile, name: string): ts.Node | undefined {
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
    if (ts.isVariableStatement(statement)) {
      const variable = statement.declarationList.declarations.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
      if (variable?.initializer) return variable.initializer;
    }
  }
  return undefined;
}

function resolveModule(importer: string, specifier: string): string {
  if (!specifier.startsWith('.')) throw new Error(`${importer}: import('${specifier}') is not relative; the route map resolves relative imports only`);
  const base = resolve(dirname(importer), specifier);
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, join(base, 'index.tsx'), join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${importer}: import('${specifier}') names no file`);
}
