// A path the BFF serves, asked with a method it does not serve there: 405 and the methods that would work (RFC 9110
// §15.5.6), not the 404 that says there is nothing at all. One handler for every route, placed just before the 404: it
// reads the methods off the app's own routes, so a route added later is covered without a word here.
import type { Request, RequestHandler, Response } from 'express';
import { ApiError } from './errors.js';

/** The refusal, with its Allow header: for this handler and for routes that refuse a method themselves (the proxy). */
export function methodNotAllowed(res: Response, allowed: string[], message: string): ApiError {
  res.set('Allow', allowed.join(', '));
  return new ApiError(405, message, { code: 'method_not_allowed' });
}

/**
 * What Express 5's router keeps of each `app.use`, `router.use` and `router.<method>`, as far as read here: a layer
 * matches a path (the part it consumed, for a mounted router), and is a route (with its methods, HEAD added to GET) or
 * a mounted router (with its own layers) or other middleware (neither: it serves no path of its own).
 */
interface RouterLayer {
  match(path: string): false | { path: string };
  route?: { _methods(): string[] };
  handle: { stack?: RouterLayer[] };
}

function allowedMethods(layers: RouterLayer[], path: string, into: Set<string>): void {
  for (const layer of layers) {
    let match: false | { path: string };
    try {
      match = layer.match(path);
    } catch {
      // A path the router cannot decode matches nothing here either; the 404 (or the router's 400) stands.
      continue;
    }
    if (!match) continue;
    if (layer.route) {
      for (const method of layer.route._methods()) into.add(method);
    } else if (layer.handle.stack) {
      allowedMethods(layer.handle.stack, path.slice(match.path.length) || '/', into);
    }
  }
}

export const refuseOtherMethods: RequestHandler = (req: Request, res, next) => {
  const allowed = new Set<string>();
  allowedMethods(req.app.router.stack as unknown as RouterLayer[], req.path, allowed);
  // A route of this method that passed the request on (none does today) is not a wrong method: the 404 says it.
  if (allowed.size === 0 || allowed.has(req.method)) return next();
  const methods = [...allowed].sort();
  next(methodNotAllowed(res, methods, `${req.path} does not take ${req.method}: ${methods.join(', ')} only`));
};
