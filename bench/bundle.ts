// What each page costs in JavaScript: builds the SPA in memory (the project's vite.config.ts, nothing written) and
// prints, for every route, the JavaScript files a first visit to it loads and their size raw, gzipped (level 9) and
// brotli-compressed (quality 11): the entry (every page loads it), the shell (every signed-in page), and the page's own
// chunks, split into those no other route loads and those it shares. Prints figures; asserts nothing.
//
//   npx tsx bench/bundle.ts                      every route, one line each
//   npx tsx bench/bundle.ts --route /instances   that route's files, one line each
//   npx tsx bench/bundle.ts --modules            what the entry and the shell are made of (minified bytes by package);
//                                                with --route, what that route loads in all is made of too
//
// A route's files are what its lazy imports and loaders reach through static imports (what the browser fetches
// before the page can render): the routes are read from their declarations (build/route-modules.ts, as the BFF's
// preloading reads them), and a feature's page also loads its feature's catalog chunk. Chunks a page only loads later
// (a dialog, an editor, prefetches) are not counted: they are not on the first visit's path.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SourceMap } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Rolldown } from 'vite';
import { catalogFiles, declaredRoutes, type DeclaredRoute } from '../build/route-modules.ts';

const { values: options } = parseArgs({
  options: { route: { type: 'string', multiple: true }, modules: { type: 'boolean', default: false } },
});

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'client/src');

// ---- The build, in memory ----

const result = await build({
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  // Source maps only to tell what the entry is made of (--modules); the build is otherwise the project's own.
  build: { write: false, sourcemap: options.modules ? 'hidden' : false, reportCompressedSize: false },
});
const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
const chunks = outputs.flatMap((output) => output.output).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
const entry = chunks.find((chunk) => chunk.isEntry);
if (!entry) throw new Error('the build has no entry chunk');

interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}
const sizes = new Map<string, Size>();
function sizeOf(fileName: string): Size {
  let size = sizes.get(fileName);
  if (!size) {
    const code = Buffer.from(byFile.get(fileName)!.code);
    size = {
      raw: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(fileName, size);
  }
  return size;
}
const total = (files: Iterable<string>): Size =>
  [...files].map(sizeOf).reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** A chunk and every chunk it imports statically, transitively: what loading it fetches. */
function closure(fileName: string, into = new Set<string>()): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  for (const imported of byFile.get(fileName)!.imports) closure(imported, into);
  return into;
}

/** The chunk a module is in (a lazy import's target, or a module it shares a chunk with). */
function chunkOf(module: string): string {
  const chunk = chunks.find((candidate) => candidate.facadeModuleId === module) ?? chunks.find((candidate) => module in candidate.modules);
  if (!chunk) throw new Error(`no chunk has ${relative(root, module)}`);
  return chunk.fileName;
}

// ---- The routes, read from their declarations as the BFF's preloading reads them ----

const routes = declaredRoutes(join(root, 'client'));

// A feature's catalog, which the app loads with the feature's pages (a chunk of its own), is on the page's path.
const catalogChunk = (feature: string) => {
  const english = catalogFiles(join(root, 'client'), feature).en;
  return chunks.find((chunk) => chunk.facadeModuleId === english)?.fileName;
};

const entryFiles = closure(entry.fileName);
const shellModule = join(src, 'app/shell/app-shell.tsx');
const shellFiles = new Set([...closure(chunkOf(shellModule))].filter((file) => !entryFiles.has(file)));

function routeFiles(route: DeclaredRoute): Set<string> {
  const files = new Set(entryFiles);
  for (const module of route.modules) closure(chunkOf(module), files);
  const catalog = route.feature && catalogChunk(route.feature);
  if (catalog) closure(catalog, files);
  return files;
}
const pageFiles = new Map(routes.map((route) => [route, [...routeFiles(route)].filter((file) => !entryFiles.has(file) && !shellFiles.has(file))]));
const routesLoading = new Map<string, number>();
for (const files of pageFiles.values()) for (const file of files) routesLoading.set(file, (routesLoading.get(file) ?? 0) + 1);

// ---- Printing ----

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
const sizeColumns = (size: Size) => `${kb(size.raw)} ${kb(size.gzip)} ${kb(size.brotli)}`;
const header = `${'files'.padStart(5)} ${'raw KB'.padStart(7)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)}`;

console.log(`vite build of ${relative(process.cwd(), root) || '.'}: ${chunks.length} JavaScript chunks, ${kb(total(byFile.keys()).raw).trim()} KB in all\n`);
console.log(`${'part'.padEnd(28)} ${header}`);
console.log(`${`entry (${entry.fileName.replace('assets/', '')})`.padEnd(28)} ${'1'.padStart(5)} ${sizeColumns(sizeOf(entry.fileName))}`);
console.log(`${'entry and its imports'.padEnd(28)} ${String(entryFiles.size).padStart(5)} ${sizeColumns(total(entryFiles))}`);
console.log(`${'shell (signed-in pages)'.padEnd(28)} ${String(shellFiles.size).padStart(5)} ${sizeColumns(total(shellFiles))}`);

const selected = options.route ? routes.filter((route) => options.route!.includes(route.path)) : routes;
if (options.route && selected.length === 0) throw new Error(`no route ${options.route.join(', ')}; routes: ${routes.map((route) => route.path).join(' ')}`);

console.log(`\n${'route (first visit)'.padEnd(36)} ${header}   ${'page own gz'.padStart(11)} ${'shared gz'.padStart(9)}`);
for (const route of [...selected].sort((a, b) => a.path.localeCompare(b.path))) {
  const files = routeFiles(route);
  const page = pageFiles.get(route)!;
  const own = page.filter((file) => routesLoading.get(file) === 1);
  const shared = page.filter((file) => routesLoading.get(file)! > 1);
  console.log(`${route.path.padEnd(36)} ${String(files.size).padStart(5)} ${sizeColumns(total(files))}   ${kb(total(own).gzip).padStart(11)} ${kb(total(shared).gzip).padStart(9)}`);
}

if (options.route) {
  for (const route of selected) {
    console.log(`\n${route.path}: every file, gzip KB (entry, shell, page: own or shared with n routes)`);
    const part = (file: string) => (entryFiles.has(file) ? 'entry' : shellFiles.has(file) ? 'shell' : `page (${routesLoading.get(file)})`);
    for (const file of [...routeFiles(route)].sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip)) {
      console.log(`${kb(sizeOf(file).gzip)}  ${part(file).padEnd(11)} ${file}`);
    }
  }
}

// ---- What the entry and the shell are made of ----

/** Minified bytes of each package (or client folder) in a set of chunks, from their source maps. */
function composition(files: Iterable<string>): Map<string, number> {
  const owners = new Map<string, number>();
  for (const file of files) {
    const chunk = byFile.get(file)!;
    if (!chunk.map) continue;
    const map = new SourceMap(JSON.parse(chunk.map.toString()) as ConstructorParameters<typeof SourceMap>[0]);
    const lines = chunk.code.split('\n');
    lines.forEach((line, lineIndex) => {
      for (let column = 0; column < line.length; column++) {
        const found = map.findEntry(lineIndex, column);
        const source = ('originalSource' in found && found.originalSource) || '(unmapped: JSON, glue)';
        // Sources are relative to the chunk (../../src/lib/ui/icons.tsx): a package, or the client's first two levels.
        const owner = source.includes('node_modules/')
          ? source.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
          : source.replace(/^(\.\.\/)+/, '').replace(/^src\//, '').replace(/^((features|resources|lib|server\/src)\/[^/]+|app)\/.*/, '$1');
        owners.set(owner, (owners.get(owner) ?? 0) + 1);
      }
    });
  }
  return owners;
}

if (options.modules) {
  const parts: [string, Set<string>][] = [
    ['entry and its imports', entryFiles],
    ['shell', shellFiles],
    ...(options.route ? selected.map((route): [string, Set<string>] => [`${route.path}, everything`, routeFiles(route)]) : []),
  ];
  for (const [label, files] of parts) {
    console.log(`\n${label}: minified KB by package or client folder (source maps; top 25)`);
    for (const [owner, bytes] of [...composition(files)].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${kb(bytes)}  ${owner}`);
  }
}
