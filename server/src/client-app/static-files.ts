import { stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { compressibleExtensions, precompressedEncodings } from './build-output.js';
import { acceptedEncoding } from './encoding.js';

export interface ClientFilesOptions {
  /** Serve the build's source maps (ZENITH_SOURCEMAPS): off, they answer 404 and the scripts name none. */
  sourceMaps: boolean;
}

/** A GET or HEAD for the web client rather than the API. */
export function isClientRequest(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.path !== '/api' && !req.path.startsWith('/api/');
}

const isCompressible = (path: string) => (compressibleExtensions as readonly string[]).includes(extname(path));

/**
 * The files of client/dist. Compressible ones go out as the build's brotli or gzip variant when the browser takes
 * it (`Vary: Accept-Encoding` either way); Vite fingerprints everything under assets/, so those are cached for a year
 * and never revalidated. Anything not found falls through (the SPA's pages, then the 404).
 */
export function clientFiles(distDirectory: string, { sourceMaps }: ClientFilesOptions): RequestHandler {
  const root = resolve(distDirectory);
  const assets = join(root, 'assets') + sep;
  const setHeaders = (res: Response, path: string) => {
    if (!path.startsWith(assets)) return;
    res.set('Cache-Control', 'public, max-age=31536000, immutable');
    // The build writes maps without naming them in the scripts (build.sourcemap 'hidden'): named here, when served.
    if (sourceMaps && path.endsWith('.js')) res.set('SourceMap', `${basename(path)}.map`);
  };
  const serveFiles = express.static(root, { index: false, setHeaders });

  return async (req, res, next) => {
    if (!isClientRequest(req)) return next();
    if (!sourceMaps && req.path.endsWith('.map')) return next();
    // The build's index.html is a template (the page is written per request, with the session, never cached):
    // asked for by name, it is the home page.
    if (req.path === '/index.html') return res.redirect(301, `/${req.originalUrl.slice(req.path.length)}`);
    const file = isCompressible(req.path) ? fileOf(root, req.path) : undefined;
    if (file) res.vary('Accept-Encoding');
    const variant = file && (await precompressedVariant(req, file));
    if (!file || !variant) {
      serveFiles(req, res, next);
      return;
    }
    // The variant is the same resource: the original's type, its cache rules, and the encoding said.
    res.type(extname(file));
    res.set('Content-Encoding', variant.encoding);
    setHeaders(res, file);
    res.sendFile(variant.file, { dotfiles: 'deny' }, (error) => {
      if (error) next(error);
    });
  };
}

/** The file a URL path names under root, or undefined for one that is malformed, hidden or outside root. */
function fileOf(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const file = resolve(root, `.${path}`);
  return file.startsWith(root + sep) ? file : undefined;
}

/** The build's variant of the file in the first encoding the browser takes that the build wrote one for. */
async function precompressedVariant(req: Request, file: string): Promise<{ encoding: string; file: string } | undefined> {
  for (const { encoding, extension } of precompressedEncodings) {
    if (acceptedEncoding(req, [encoding]) === undefined) continue;
    const found = await stat(file + extension).then((stats) => stats.isFile(), () => false);
    if (found) return { encoding, file: file + extension };
  }
  return undefined;
}
