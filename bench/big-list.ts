// What a big page costs the browser: /instances at a page of 100 (plain DOM) and of 1000 (virtualized body) in
// Chromium, from a cold load. Prints the time from Nova's answer to the first rows, the image names' arrival, the
// layout shift from then on (rows first, names after: filling a name in should move nothing), the long tasks (> 50 ms) of the load, the
// table rows in the DOM, and the frame times and long tasks while the table is scrolled from top to bottom.
// Asserts nothing.
//
//   npm run build && npx tsx bench/big-list.ts [--rows 1000] [--runs 3] [--page-size 100 --page-size 1000]
//
// Needs the local cloud (sign-in, Glance for the image names) but seeds nothing: Nova's servers/detail answer is
// replaced in the browser by `--rows` copies of a captured server, named big-0000..., booted from the cloud's
// cirros image, so the figures are the client's alone (Nova's own time for 1000 servers is bench/instances.ts's).
import { type Page, type Route } from '@playwright/test';
import serversFixture from '../client/src/testing/fixtures/nova-servers-detail.json' with { type: 'json' };
import { signIn } from '../e2e/support/zenith';
import { benchArgs } from './args';
import { startBff } from './bff';
import { benchContext, launchBrowser } from './browser';

const args = benchArgs({ count: { name: 'rows', default: 1000, min: 1, max: 1000 }, port: 8503, pageSizes: true });
const { count: rowCount, runs, port } = args;
const given = args.listPaths('/instances');
const listPaths = given.length === 1 && given[0] === '/instances' ? ['/instances?limit=100', '/instances?limit=1000'] : given;
const imageName = 'cirros-tiny';
const template = serversFixture.servers[0]!;

/** Nova's answer to one servers/detail request: the first `limit` of the synthetic servers (as Nova caps at 1000). */
function answerServers(imageId: string) {
  const servers = Array.from({ length: rowCount }, (_, index) => {
    const suffix = String(index).padStart(4, '0');
    return { ...template, id: `00000000-0000-4000-8000-00000000${suffix}`, name: `big-${suffix}`, image: { ...template.image, id: imageId } };
  });
  return (route: Route) => {
    const limit = Number(new URL(route.request().url()).searchParams.get('limit') ?? 1000);
    return route.fulfill({ json: { servers: servers.slice(0, Math.min(limit, 1000)) } });
  };
}

// Runs in the page before Zenith (plain JavaScript text: a transpiled function would carry the bundler's helpers).
// Marks the first row and the first image name, collects long tasks and layout shifts from the start.
const pageProbe = `{
  const probe = (window.bench = { marks: {}, longTasks: [], shifts: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) probe.shifts.push({ start: entry.startTime, value: entry.value });
  }).observe({ type: 'layout-shift', buffered: true });
  const rowsWith = (text) => [...document.querySelectorAll('tbody tr')].some((row) => row.textContent.includes(text));
  new MutationObserver(() => {
    if (probe.marks.firstRows === undefined && rowsWith('big-')) probe.marks.firstRows = performance.now();
    if (probe.marks.enriched === undefined && rowsWith(${JSON.stringify(imageName)})) probe.marks.enriched = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}`;

interface Probe {
  marks: { firstRows?: number; enriched?: number };
  longTasks: { start: number; duration: number }[];
  shifts: { start: number; value: number }[];
}

interface Run {
  serversAnswered: number;
  firstRows: number;
  enriched: number;
  shiftFromNames: number;
  loadLongTasks: number[];
  domRows: number;
  ariaRowCount: string | null;
  frames: number[];
  scrollLongTasks: number[];
  scrolled: number;
}

/** Scrolls the table's own box (a virtualized page) or the shell's main pane to the bottom, a step per frame. */
async function scrollThrough(page: Page): Promise<{ frames: number[]; scrolled: number }> {
  return page.evaluate(async () => {
    const table = document.querySelector<HTMLElement>('[data-testid="table-scroller"][data-virtual]');
    const box = table ?? document.getElementById('main')!;
    const frames: number[] = [];
    const step = 300;
    let last = performance.now();
    box.scrollTop = 0;
    while (box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
      box.scrollTop += step;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return { frames, scrolled: box.scrollTop };
  });
}

async function measure(page: Page, listPath: string): Promise<Run> {
  await page.goto('about:blank');
  await page.goto(listPath);
  await page.waitForFunction(() => {
    const marks = (window as unknown as { bench: Probe }).bench.marks;
    return marks.firstRows !== undefined && marks.enriched !== undefined;
  }, undefined, { timeout: 60_000 });
  // Let the page settle (late renders, the poller's first reads) before scrolling.
  await page.waitForTimeout(1000);
  const loaded = await page.evaluate(() => {
    const probe = (window as unknown as { bench: Probe }).bench;
    const servers = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => entry.name.includes('/servers/detail'));
    return {
      serversAnswered: servers?.responseEnd ?? Number.NaN,
      marks: probe.marks,
      longTasks: probe.longTasks.map((task) => task.duration),
      shiftFromNames: probe.shifts.filter((shift) => shift.start >= (probe.marks.enriched ?? 0)).reduce((sum, shift) => sum + shift.value, 0),
      domRows: document.querySelectorAll('tbody tr[data-index]').length,
      ariaRowCount: document.querySelector('table[aria-label="Instances"]')?.getAttribute('aria-rowcount') ?? null,
      now: performance.now(),
    };
  });
  const before = loaded.longTasks.length;
  const { frames, scrolled } = await scrollThrough(page);
  const scrollLongTasks = await page.evaluate((from) => (window as unknown as { bench: Probe }).bench.longTasks.slice(from).map((task) => task.duration), before);
  return {
    serversAnswered: loaded.serversAnswered,
    firstRows: loaded.marks.firstRows ?? Number.NaN,
    enriched: loaded.marks.enriched ?? Number.NaN,
    shiftFromNames: loaded.shiftFromNames,
    loadLongTasks: loaded.longTasks,
    domRows: loaded.domRows,
    ariaRowCount: loaded.ariaRowCount,
    frames,
    scrollLongTasks,
    scrolled,
  };
}

function median(numbers: number[]) {
  return [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? Number.NaN;
}
function percentile(numbers: number[], p: number) {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}
const ms = (value: number) => (Number.isNaN(value) ? '-' : `${value.toFixed(0)} ms`);
const tasks = (durations: number[]) => (durations.length === 0 ? 'none' : `${durations.length} (longest ${ms(Math.max(...durations))})`);

function report(listPath: string, results: Run[]) {
  console.log(`\n${listPath}: ${rowCount} servers answered by the stubbed Nova, ${results.length} cold loads (times since navigation start)`);
  results.forEach((run, index) => {
    console.log(
      `  run ${index + 1}: Nova answered ${ms(run.serversAnswered)}, first rows ${ms(run.firstRows)} (+${ms(run.firstRows - run.serversAnswered)}), ` +
        `image names ${ms(run.enriched)}, layout shift from the names on ${run.shiftFromNames.toFixed(4)}; ` +
        `long tasks while loading ${tasks(run.loadLongTasks)}; ${run.domRows} rows in the DOM (aria-rowcount ${run.ariaRowCount ?? 'none'}); ` +
        `scroll of ${run.scrolled} px in ${run.frames.length} frames: median ${ms(median(run.frames))}, p95 ${ms(percentile(run.frames, 95))}, ` +
        `longest ${ms(Math.max(...run.frames))}, long tasks ${tasks(run.scrollLongTasks)}`,
    );
  });
  const all = (pick: (run: Run) => number) => median(results.map(pick));
  console.log(
    `  median: rows ${ms(all((run) => run.firstRows - run.serversAnswered))} after Nova's answer, ` +
      `frame p95 while scrolling ${ms(all((run) => percentile(run.frames, 95)))}, ` +
      `long tasks > 50 ms: ${all((run) => run.loadLongTasks.length)} while loading (longest ${ms(all((run) => Math.max(0, ...run.loadLongTasks)))}), ` +
      `${all((run) => run.scrollLongTasks.length)} while scrolling`,
  );
}

const bff = await startBff(port);
const browser = await launchBrowser();
try {
  const context = await benchContext(browser, bff.url);
  const page = await context.newPage();
  await signIn(page, 'zenith-demo');
  const imageId = await page.evaluate(async (name) => {
    const answer = (await (await fetch(`/api/os/image/v2/images?name=${name}`)).json()) as { images: { id: string }[] };
    return answer.images[0]?.id;
  }, imageName);
  if (!imageId) throw new Error(`${imageName} is missing: run e2e/cloud/up`);
  await page.route('**/api/os/compute/servers/detail?**', answerServers(imageId));
  await page.addInitScript(pageProbe);
  for (const listPath of listPaths) {
    const results: Run[] = [];
    for (let run = 0; run < runs; run++) results.push(await measure(page, listPath));
    report(listPath, results);
  }
} finally {
  await browser.close();
  bff.stop();
}
