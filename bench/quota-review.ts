// How long an admin waits for the quota review table: seeds N extra projects (bench-q-*) through Keystone, then
// opens /admin/quotas in Chromium and measures the time to the first row and to the complete table (every
// project's compute, network and block-storage quotas read), with the number of OpenStack calls. Prints the
// figures; asserts nothing.
//
//   npm run build && npx tsx bench/quota-review.ts [--projects 300] [--runs 3]
//   npx tsx bench/quota-review.ts --cleanup                         (deletes the bench-q- projects)
import { mapBounded } from '../client/src/lib/api/bounded';
import { signIn } from '../e2e/support/zenith';
import { benchArgs } from './args';
import { startBff } from './bff';
import { authenticate, call, keystone, type Session } from './openstack';
import { benchContext, launchBrowser } from './browser';

const args = benchArgs({ count: { name: 'projects', default: 300, min: 0, max: 2000 }, port: 8502 });
const { count: projectCount, runs } = args;
const prefix = 'bench-q-';

interface Project {
  id: string;
  name: string;
}

async function benchProjects(admin: Session): Promise<Project[]> {
  const { projects } = await call<{ projects: Project[] }>(admin, 'GET', `${keystone}/projects?domain_id=default`);
  return projects.filter((project) => project.name.startsWith(prefix));
}

async function seed(admin: Session) {
  const existing = new Set((await benchProjects(admin)).map((project) => project.name));
  const missing = Array.from({ length: projectCount }, (_, index) => `${prefix}${String(index).padStart(4, '0')}`).filter((name) => !existing.has(name));
  const started = performance.now();
  await mapBounded(missing, 8, (name) => call(admin, 'POST', `${keystone}/projects`, { project: { name, domain_id: 'default', description: 'quota review benchmark' } }));
  console.log(`${existing.size} bench projects existed, created ${missing.length} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function cleanup(admin: Session) {
  const projects = await benchProjects(admin);
  await mapBounded(projects, 8, (project) => call(admin, 'DELETE', `${keystone}/projects/${project.id}`));
  console.log(`deleted ${projects.length} bench projects`);
}

async function measure() {
  const bff = await startBff(args.port);
  const browser = await launchBrowser();
  try {
    const page = await (await benchContext(browser, bff.url)).newPage();
    await signIn(page, 'zenith-admin');
    await page.waitForLoadState('networkidle');
    const results: { firstRow: number; complete: number; projects: number; calls: number }[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      const mark = bff.mark();
      // A cold page load each run: nothing cached in the app.
      await page.goto('/admin/quotas');
      await page.getByTestId('quota-row').first().waitFor();
      const firstRow = await page.evaluate(() => performance.now());
      const progress = page.getByTestId('quota-progress');
      await page.waitForFunction(
        () => {
          const element = document.querySelector('[data-testid="quota-progress"]');
          const total = Number(element?.getAttribute('data-total'));
          return total > 0 && Number(element?.getAttribute('data-done')) === total && element?.textContent?.includes('read');
        },
        undefined,
        { timeout: 600_000, polling: 50 },
      );
      const complete = await page.evaluate(() => performance.now());
      results.push({
        firstRow,
        complete,
        projects: Number(await progress.getAttribute('data-total')),
        calls: bff.since(mark).filter((line) => line.includes(' /api/os/')).length,
      });
    }
    return results;
  } finally {
    await browser.close();
    bff.stop();
  }
}

const admin = await authenticate('zenith-admin');
if (args.cleanup) {
  await cleanup(admin);
} else {
  await seed(admin);
  const results = await measure();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`\n/admin/quotas, ${results.length} cold page loads (times since navigation start, by the page clock)`);
  results.forEach((result, index) =>
    console.log(
      `  run ${index + 1}: ${result.projects} projects, first row ${ms(result.firstRow)}, complete ${ms(result.complete)}, ` +
        `${result.calls} OpenStack calls (${(result.calls / (result.complete / 1000)).toFixed(0)} per second)`,
    ),
  );
  const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
  console.log(`  median: first row ${ms(median(results.map((result) => result.firstRow)))}, complete ${ms(median(results.map((result) => result.complete)))}`);
}
