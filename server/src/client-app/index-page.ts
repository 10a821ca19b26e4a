// The SPA's page: index.html for any GET outside /api that is not a file, with what the SPA would otherwise ask for
// before anything else (the session, the version documents) written in, and the current route's code and catalogs
// (in the language the SPA will read) named for the browser to fetch beside the entry chunk.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import type { LanguageCode } from '../contract/languages.js';
import type { EndpointInterface } from '../openstack/keystone-types.js';
import type { ServiceVersionCache } from '../proxy/versions.js';
import { bootstrapElement, bootstrapFor } from './bootstrap.js';
import { routeModulesFile, viteManifestFile, type RouteModules, type ViteManifest } from './build-output.js';
import { encodeBody } from './encoding.js';
import { pageLanguage } from './language.js';
import { routePreloads, type Preload } from './route-preload.js';
import { isClientRequest } from './static-files.js';

export interface IndexPageOptions {
  distDirectory: string;
  versions: ServiceVersionCache;
  endpointInterface: EndpointInterface;
}

/** Where the SPA sends whoever has no session, whatever page they asked for. */
const loginPath = '/login';

interface ClientBuild {
  template: string;
  preloads: (pathname: string, language: LanguageCode) => Preload[];
}

export function indexPage({ distDirectory, versions, endpointInterface }: IndexPageOptions): RequestHandler {
  const readBuild = clientBuildReader(distDirectory);
  return async (req, res, next) => {
    if (!isClientRequest(req)) return next();
    // A path with an extension asked for a file that is not there: that is a 404, not a page.
    if ((req.path.split('/').at(-1) ?? '').includes('.')) return next();
    const build = await readBuild();
    if (!build) {
      res.status(503).type('text/plain').send('The Zenith web client is not built: run `npm run build`.\n');
      return;
    }
    const bootstrap = bootstrapFor(req, versions, endpointInterface);
    const preloads = build.preloads(bootstrap.session ? req.path : loginPath, pageLanguage(req)).map(preloadElement).join('');
    const html = withBootstrap(withHeadEnd(build.template, preloads), bootstrapElement(bootstrap));
    // The page holds the session's CSRF token and who is signed in: no cache may keep it, and the back button
    // must ask again rather than show a page of a session that has since changed or ended.
    res.set('Cache-Control', 'no-store');
    res.type('html');
    const body = encodeBody(req, res, Buffer.from(html));
    res.set('Content-Length', String(body.length));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

// Both insert with a function, not a string: `$&` or `$'` in a name must stay text, not become replacement patterns.

/** The preloads at the end of the head: after the entry script, which the browser then asks for first. */
function withHeadEnd(template: string, elements: string): string {
  return template.includes('</head>') ? template.replace('</head>', () => `${elements}</head>`) : template + elements;
}

/**
 * The bootstrap before the entry script: that script is async (it runs as soon as it has arrived, not once the
 * document and every preload are in), so what it reads must be parsed before it.
 */
function withBootstrap(template: string, element: string): string {
  const entry = moduleScript.exec(template)?.index;
  return entry === undefined ? withHeadEnd(template, element) : template.slice(0, entry) + element + template.slice(entry);
}

/** The entry script's start tag, as Vite writes it (attributes in its order, `type="module"` among them). */
const moduleScript = /<script\b[^>]*\btype="module"[^>]*>/;

function preloadElement({ href, kind }: Preload): string {
  const url = escapeAttribute(href);
  return kind === 'module'
    ? `<link rel="modulepreload" crossorigin href="${url}">`
    : `<link rel="preload" as="style" crossorigin href="${url}">`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * index.html and the build's maps, read again only when index.html changes (a new build replaces it): serving the
 * page costs no disk read. Undefined while there is no build; a build without the maps (an older one) preloads nothing.
 */
function clientBuildReader(distDirectory: string): () => Promise<ClientBuild | undefined> {
  const indexFile = join(distDirectory, 'index.html');
  let cached: { version: number; build: Promise<ClientBuild> } | undefined;
  return async () => {
    const version = await stat(indexFile).then((stats) => stats.mtimeMs, () => undefined);
    if (version === undefined) return undefined;
    if (cached?.version !== version) {
      const build = readClientBuild(distDirectory, indexFile);
      cached = { version, build };
      // A build caught half-written is read again by the next request.
      build.catch(() => {
        if (cached?.build === build) cached = undefined;
      });
      return build;
    }
    return cached.build;
  };
}

async function readClientBuild(distDirectory: string, indexFile: string): Promise<ClientBuild> {
  const readJson = async <T>(file: string): Promise<T | undefined> => {
    const text = await readFile(join(distDirectory, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    return text === undefined ? undefined : (JSON.parse(text) as T);
  };
  const [template, manifest, routes] = await Promise.all([
    readFile(indexFile, 'utf8'),
    readJson<ViteManifest>(viteManifestFile),
    readJson<RouteModules>(routeModulesFile),
  ]);
  return { template, preloads: manifest && routes ? routePreloads(manifest, routes) : () => [] };
}
