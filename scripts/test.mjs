#!/usr/bin/env node
// `npm test`: the whole suite, from a clean clone on a fresh machine.
// It installs what is missing (npm packages, Debian's Chromium), starts the local OpenStack (and the Redis of the
// replica tests) when it is not running, then runs lint, typecheck, build, unit, integration and end-to-end tests, and closes with one
// "N passed, N failed" line that counts every test of every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'e2e', 'artifacts', 'reports');
const started = Date.now();
const steps = [];

function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(0)}s`;
}

function run(label, command, args, options = {}) {
  const since = Date.now();
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const ok = result.status === 0;
  steps.push({ label, ok, seconds: elapsed(since) });
  console.log(`${ok ? '✔' : '✘'} ${label} (${elapsed(since)})`);
  return ok;
}

function mustRun(label, command, args, options) {
  if (!run(label, command, args, options)) finish(`${label} failed`);
}

function needsNpmInstall() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs;
}

function readCounts(file, pick) {
  if (!existsSync(file)) return { passed: 0, failed: 1, note: `no report at ${file}` };
  return pick(JSON.parse(readFileSync(file, 'utf8')));
}

const vitestCounts = (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests + (report.numFailedTestSuites ?? 0),
});
const playwrightCounts = (report) => ({
  passed: report.stats.expected + report.stats.flaky,
  failed: report.stats.unexpected + (report.errors?.length ?? 0),
});

const totals = { passed: 0, failed: 0 };
function tally(label, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  console.log(`  ${label}: ${counts.passed} passed, ${counts.failed} failed${counts.note ? ` (${counts.note})` : ''}`);
}

function finish(reason) {
  console.log(`\nSteps:`);
  for (const step of steps) console.log(`  ${step.ok ? 'ok  ' : 'FAIL'} ${step.label} (${step.seconds})`);
  console.log(`\nTotal time: ${elapsed(started)}${reason ? ` — stopped: ${reason}` : ''}`);
  if (reason && totals.failed === 0) totals.failed = 1;
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed === 0 ? 0 : 1);
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

if (needsNpmInstall()) mustRun('install npm packages', 'npm', ['ci', '--no-audit', '--no-fund']);
mustRun('browser: Debian Chromium', 'bash', ['scripts/ensure-chromium.sh']);
// The suite always runs against the project's own local cloud, whatever cloud the shell may point at.
// `up` is idempotent (a few seconds when the cloud already runs) and writes this checkout's clouds.yaml.
mustRun('local OpenStack (start if needed)', 'bash', ['e2e/cloud/up']);
// The replica tests (integration and e2e) share sessions through Redis: installed and started like the cloud.
mustRun('Redis for the replica tests (start if needed)', 'bash', ['e2e/cloud/redis', 'up']);

mustRun('lint', 'npx', ['eslint', '.']);
mustRun('typecheck', 'npm', ['run', '--silent', 'typecheck']);
mustRun('build', 'npm', ['run', '--silent', 'build']);

const vitestJson = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`];
run('unit tests', 'npx', ['vitest', 'run', '--project', 'unit', ...vitestJson('unit')]);
tally('unit', readCounts(join(reports, 'unit.json'), vitestCounts));
run('BFF integration tests (local cloud)', 'npx', ['vitest', 'run', '--project', 'integration', ...vitestJson('integration')]);
tally('integration', readCounts(join(reports, 'integration.json'), vitestCounts));
run('end-to-end tests (Chromium, local cloud)', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], {
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') },
});
tally('e2e', readCounts(join(reports, 'e2e.json'), playwrightCounts));

finish();
