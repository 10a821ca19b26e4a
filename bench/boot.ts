// What a full page load of a list costs before its rows: every request the page makes, when it starts and ends
// (ms since navigation start, the page's own clock), what it weighed on the wire and as code, and when the rows
// appear (in the DOM, then in the frame that lays them out), with the app's first render between. Once with an empty browser cache, then with a warm one (as a user who comes back), on loopback and over a
// network Chromium emulates (40 ms round trip, 20 Mbit/s down: a user away from the dashboard's server); prints the
// medians and the waterfall of the last run of each. Asserts nothing.
//
//   npm run build && npx tsx bench/instances.ts --servers 5   (seeds the bench- servers the rows are recognised by)
//   npx tsx bench/boot.ts [--runs 5] [--port 8502] [--page-size 20 ...]
import { readFileSync } from 'node:fs';
import { type BrowserContext } from '@playwright/test';
import { signIn } from '../e2e/support/zenith';
import { benchArgs } from './args';
import { startBff } from './bff';
import { benchContext, launchBrowser } from './browser';
import { viteManifestFile, type ViteManifest } from '../server/src/client-app/build-output';

const args = benchArgs({ port: 8502, pageSizes: true });
const rowText = 'bench-';

// The translation catalogs' chunks (the shell's other languages and each feature's), by file: the page's words, which
// it renders only once they are in.
const manifest = JSON.parse(readFileSync(new URL(`../client/dist/${viteManifestFile}`, import.meta.url), 'utf8')) as ViteManifest;
const catalogFiles = new Set(Object.entries(manifest).flatMap(([key, chunk]) => (/(^|\/)locales\/[^/]+\.json$/.test(key) ? [`/${chunk.file}`] : [])));

interface NetworkProfile {
  name: string;
  /** Chromium's Network.emulateNetworkConditions: added latency (ms), throughputs (bytes/s). */
  conditions?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}

const profiles: NetworkProfile[] = [
  { name: 'loopback' },
  { name: '40 ms RTT, 20 Mbit/s', conditions: { latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 } },
];

// Runs in the page before Zenith: the moment the app first renders into #root, the moment the first bench row is in
// the DOM, and the next animation frame's (the one that lays the rows out).
const pageProbe = `{
  const marks = (window.bootMarks = {});
  new MutationObserver(() => {
    if (marks.firstRender === undefined && document.getElementById('root')?.firstChild) marks.firstRender = performance.now();
    if (marks.rows === undefined && [...document.querySelectorAll('tbody tr')].some((row) => row.textContent.includes(${JSON.stringify(rowText)}))) {
      marks.rows = performance.now();
      requestAnimationFrame(() => (marks.rowsFrame = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}`;

interface Entry {
  name: string;
  start: number;
  end: number;
  /** Bytes on the wire (0 when served from the browser's cache). */
  transfer: number;
  /** Bytes once decoded (the code or JSON itself). */
  decoded: number;
  encoding?: string;
}

interface Load {
  rows: number;
  rowsFrame: number;
  firstRender: number;
  documentEnd: number;
  domContentLoaded: number;
  entries: Entry[];
}

async function load(context: BrowserContext, path: string, profile: NetworkProfile): Promise<Load> {
  const page = await context.newPage();
  if (profile.conditions) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.conditions });
  }
  const encodings = new Map<string, string>();
  page.on('response', (response) => {
    const encoding = response.headers()['content-encoding'];
    if (encoding) encodings.set(response.url(), encoding);
  });
  await page.addInitScript(pageProbe);
  await page.goto(path);
  await page.waitForFunction(() => (window as unknown as { bootMarks: { rowsFrame?: number } }).bootMarks.rowsFrame !== undefined, undefined, {
    timeout: 60_000,
  });
  // Let the page's trailing calls (enrichment, probes) end so the waterfall is whole.
  await page.waitForLoadState('networkidle');
  const measured = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      ...(window as unknown as { bootMarks: { rows: number; rowsFrame: number; firstRender: number } }).bootMarks,
      documentEnd: navigation.responseEnd,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      navigation: { transfer: navigation.transferSize, decoded: navigation.decodedBodySize, url: navigation.name },
      entries: resources.map((entry) => ({
        name: entry.name,
        start: entry.startTime,
        end: entry.responseEnd,
        transfer: entry.transferSize,
        decoded: entry.decodedBodySize,
      })),
    };
  });
  await page.close();
  const document: Entry = {
    name: measured.navigation.url,
    start: 0,
    end: measured.documentEnd,
    transfer: measured.navigation.transfer,
    decoded: measured.navigation.decoded,
  };
  return {
    rows: measured.rows,
    rowsFrame: measured.rowsFrame,
    firstRender: measured.firstRender,
    documentEnd: measured.documentEnd,
    domContentLoaded: measured.domContentLoaded,
    entries: [document, ...measured.entries].map((entry) => ({ ...entry, encoding: encodings.get(entry.name) })),
  };
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function summary(label: string, loads: Load[]) {
  const api = (load: Load, match: string) => load.entries.find((entry) => entry.name.includes(match));
  const firstApi = (load: Load) => Math.min(...load.entries.filter((entry) => entry.name.includes('/api/')).map((entry) => entry.start));
  const scripts = (load: Load) => load.entries.filter((entry) => entry.name.endsWith('.js'));
  const serversStart = (load: Load) => api(load, '/servers/detail?')?.start ?? Number.NaN;
  const serversEnd = (load: Load) => api(load, '/servers/detail?')?.end ?? Number.NaN;
  const catalogStart = (load: Load) => Math.min(...load.entries.filter((entry) => catalogFiles.has(new URL(entry.name).pathname)).map((entry) => entry.start));
  const at = (value: (load: Load) => number) => ms(median(loads.map(value)));
  console.log(
    `  ${label}: rows ${at((load) => load.rows)} (laid out ${at((load) => load.rowsFrame)}), document ${at((load) => load.documentEnd)}, ` +
      `DOMContentLoaded ${at((load) => load.domContentLoaded)}, servers/detail ${at(serversStart)} → ${at(serversEnd)}, ` +
      `app's first render ${at((load) => load.firstRender)}, rows ${at((load) => load.rows - serversEnd(load))} after servers/detail's answer, ` +
      `all scripts loaded ${at((load) => Math.max(...scripts(load).map((entry) => entry.end)))}, ` +
      `first /api call starts ${at(firstApi)}, catalog starts ${at(catalogStart)}; ` +
      `${median(loads.map((load) => scripts(load).length))} scripts, ` +
      `${kb(median(loads.map((load) => scripts(load).reduce((sum, entry) => sum + entry.transfer, 0))))} of script on the wire ` +
      `(${kb(median(loads.map((load) => scripts(load).reduce((sum, entry) => sum + entry.decoded, 0))))} decoded)`,
  );
}

function waterfall(load: Load) {
  const origin = new URL(load.entries[0]?.name ?? 'http://localhost').origin;
  for (const entry of [...load.entries].sort((a, b) => a.start - b.start)) {
    const name = entry.name.startsWith(origin) ? entry.name.slice(origin.length) : entry.name;
    console.log(
      `    ${ms(entry.start)} → ${ms(entry.end)}  ${kb(entry.transfer).padStart(9)} ${`(${entry.encoding ?? 'identity'})`.padEnd(10)} ${name.slice(0, 110)}`,
    );
  }
  console.log(`    app's first render at ${ms(load.firstRender)}, rows at ${ms(load.rows)}, laid out at ${ms(load.rowsFrame)}`);
}

const bff = await startBff(args.port);
const browser = await launchBrowser();
try {
  for (const path of args.listPaths('/instances')) {
    for (const profile of profiles) {
      const cold: Load[] = [];
      const warm: Load[] = [];
      for (let run = 0; run < args.runs; run++) {
        // A new context is an empty cache; its first load is cold, the next ones warm.
        const context = await benchContext(browser, bff.url);
        const page = await context.newPage();
        await signIn(page, 'zenith-demo');
        await page.waitForLoadState('networkidle');
        // The sign-in loaded the shell's code: empty the cache again so the first load is really cold.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
        await page.close();
        cold.push(await load(context, path, profile));
        warm.push(await load(context, path, profile));
        await context.close();
      }
      console.log(`\n${path} over ${profile.name}, ${args.runs} runs of a cold and a warm full page load (medians, ms since navigation start):`);
      summary('cold cache', cold);
      summary('warm cache', warm);
      for (const [label, loads] of [['cold cache', cold], ['warm cache', warm]] as const) {
        console.log(`\n  waterfall, ${label}, last run:`);
        const last = loads.at(-1);
        if (last) waterfall(last);
      }
    }
  }
} finally {
  await browser.close();
  bff.stop();
}
