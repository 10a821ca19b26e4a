import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

export type ContentEncoding = 'br' | 'gzip';

/**
 * The first of `offered` (the server's preference: smallest first) that the browser's Accept-Encoding allows, or
 * undefined for the identity. Chromium lists gzip before br at equal weight; the smaller one is served anyway.
 */
export function acceptedEncoding(req: Request, offered: readonly ContentEncoding[]): ContentEncoding | undefined {
  return offered.find((encoding) => req.acceptsEncodings(encoding) === encoding);
}

/**
 * A body made per request (index.html with its bootstrap), compressed for the browser. A few kilobytes: a middle
 * brotli quality costs well under a millisecond, where the build's quality 11 would cost tens.
 */
export function encodeBody(req: Request, res: Response, body: Buffer): Buffer {
  res.vary('Accept-Encoding');
  const encoding = acceptedEncoding(req, ['br', 'gzip']);
  if (encoding === undefined) return body;
  res.set('Content-Encoding', encoding);
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}
