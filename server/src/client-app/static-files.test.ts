import { mkdirSync, writeFileSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeTemporaryDirectories, request, startZenith, testConfig, type RunningZenith } from '../testing/harness.js';

let running: RunningZenith | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});
afterAll(removeTemporaryDirectories);

const script = 'export const answer = 42;\n'.repeat(40);
const style = 'body { color: black }\n'.repeat(40);

/** A dist as `npm run build` leaves it: variants beside the scripts, maps named by none, Vite's manifest hidden. */
async function serve({ sourceMaps = false } = {}) {
  const config = testConfig();
  config.server.sourceMaps = sourceMaps;
  const dist = config.server.clientDist;
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, '.vite'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>Zenith</title></head><body></body></html>');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), script);
  writeFileSync(join(dist, 'assets', 'app-1234.js.br'), brotliCompressSync(script));
  writeFileSync(join(dist, 'assets', 'app-1234.js.gz'), gzipSync(script));
  writeFileSync(join(dist, 'assets', 'app-1234.js.map'), '{"version":3,"sources":[],"mappings":""}');
  // Only gzip was worth writing for this one.
  writeFileSync(join(dist, 'assets', 'style-1234.css'), style);
  writeFileSync(join(dist, 'assets', 'style-1234.css.gz'), gzipSync(style));
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
  // Beside the dist, where no URL may reach.
  writeFileSync(join(dist, '..', 'outside.js'), 'SECRET');
  writeFileSync(join(dist, '..', 'outside.js.br'), brotliCompressSync('SECRET'));
  running = await startZenith(config);
  return running;
}

/** The bytes as they cross the wire, not decoded. */
const get = (baseUrl: string, path: string, headers: OutgoingHttpHeaders = {}, method = 'GET') => request(baseUrl, path, { method, headers });

const immutable = 'public, max-age=31536000, immutable';

describe('compressed assets', () => {
  it('serves the brotli variant to a browser that takes it, as the script it encodes', async () => {
    const { baseUrl } = await serve();
    const response = await get(baseUrl, '/assets/app-1234.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe(immutable);
    expect(brotliDecompressSync(response.bytes).toString()).toBe(script);
  });

  it('serves gzip to a browser that does not take brotli', async () => {
    const { baseUrl } = await serve();
    const response = await get(baseUrl, '/assets/app-1234.js', { 'accept-encoding': 'gzip, deflate' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe(immutable);
    expect(gunzipSync(response.bytes).toString()).toBe(script);
  });

  it('honours a refusal by weight: br;q=0 gets gzip', async () => {
    const { baseUrl } = await serve();
    const response = await get(baseUrl, '/assets/app-1234.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('serves the file itself without Accept-Encoding, still varying on it', async () => {
    const { baseUrl } = await serve();
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const response = await get(baseUrl, '/assets/app-1234.js', headers);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['content-type']).toMatch(/^text\/javascript/);
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      expect(response.headers['cache-control']).toBe(immutable);
      expect(response.body).toBe(script);
    }
  });

  it('falls back to the next variant, then to the file, when the build wrote none', async () => {
    const { baseUrl } = await serve();
    const gzipOnly = await get(baseUrl, '/assets/style-1234.css', { 'accept-encoding': 'br, gzip' });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gzipOnly.headers['content-type']).toMatch(/^text\/css/);
    expect(gunzipSync(gzipOnly.bytes).toString()).toBe(style);
    const brOnly = await get(baseUrl, '/assets/style-1234.css', { 'accept-encoding': 'br' });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.body).toBe(style);
    // Not fingerprinted: revalidated as before, though small enough to go as is.
    const icon = await get(baseUrl, '/favicon.svg', { 'accept-encoding': 'br, gzip' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers['cache-control']).not.toContain('immutable');
  });

  it('answers HEAD with the variant\'s headers and no body, and 404s what is not there', async () => {
    const { baseUrl } = await serve();
    const head = await get(baseUrl, '/assets/app-1234.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.bytes.length).toBe(0);
    expect((await get(baseUrl, '/assets/missing-1234.js', { 'accept-encoding': 'br, gzip' })).status).toBe(404);
    // The session store sits beside the dist in these tests.
    for (const path of ['/../sessions.db', '/assets/../../sessions.db', '/assets/..%2F..%2Fsessions.db', '/../outside.js', '/assets/..%2F..%2Foutside.js']) {
      const outside = await get(baseUrl, path, { 'accept-encoding': 'br, gzip' });
      expect(outside.status, path).toBeGreaterThanOrEqual(400);
      expect(outside.headers['content-encoding'], path).toBeUndefined();
      expect(outside.body, path).not.toMatch(/SQLite|SECRET/);
    }
    expect((await get(baseUrl, '/assets/%E0%A4%A.js', { 'accept-encoding': 'br, gzip' })).status).not.toBe(200);
  });

  it('never serves the build\'s manifests', async () => {
    const { baseUrl } = await serve();
    expect((await get(baseUrl, '/.vite/manifest.json', { 'accept-encoding': 'br, gzip' })).status).toBe(404);
    expect((await get(baseUrl, '/.vite/manifest.json')).status).toBe(404);
  });

  it('sends index.html asked for by name to the home page, never the raw template', async () => {
    const { baseUrl } = await serve();
    for (const [path, home] of [['/index.html', '/'], ['/index.html?next=x', '/?next=x']] as const) {
      const answer = await get(baseUrl, path, { 'accept-encoding': 'br, gzip' });
      expect(answer.status).toBe(301);
      expect(answer.headers.location).toBe(home);
    }
  });
});

describe('source maps', () => {
  it('are not served, and scripts name none, without ZENITH_SOURCEMAPS', async () => {
    const { baseUrl } = await serve();
    expect((await get(baseUrl, '/assets/app-1234.js.map')).status).toBe(404);
    const scriptResponse = await get(baseUrl, '/assets/app-1234.js', { 'accept-encoding': 'br' });
    expect(scriptResponse.headers.sourcemap).toBeUndefined();
  });

  it('are served, and named by a SourceMap header on their script, with it', async () => {
    const { baseUrl } = await serve({ sourceMaps: true });
    const map = await get(baseUrl, '/assets/app-1234.js.map');
    expect(map.status).toBe(200);
    expect(map.body).toContain('"version":3');
    for (const encoding of ['br', 'identity']) {
      const scriptResponse = await get(baseUrl, '/assets/app-1234.js', { 'accept-encoding': encoding });
      expect(scriptResponse.headers.sourcemap, encoding).toBe('app-1234.js.map');
    }
  });
});

describe('refusals', () => {
  it('answers a range past the end of a file with the error body as JSON, not typed as the file', async () => {
    const { baseUrl } = await serve();
    for (const [path, encoding] of [['/favicon.svg', 'identity'], ['/assets/app-1234.js', 'identity'], ['/assets/app-1234.js', 'br']] as const) {
      const response = await get(baseUrl, path, { range: 'bytes=9999999999999999999-', 'accept-encoding': encoding });
      expect(response.status, path).toBe(416);
      expect(response.headers['content-type'], path).toMatch(/^application\/json/);
      expect(response.headers['content-encoding'], path).toBeUndefined();
      expect(response.headers['cache-control'], path).toBe('no-store');
      expect(JSON.parse(response.body), path).toMatchObject({ error: { status: 416 } });
    }
  });
});
