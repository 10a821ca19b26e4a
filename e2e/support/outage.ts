// One OpenStack service taken away and brought back mid-session, with the cloud's own scripts (e2e/cloud/stop and
// start): the spec runs as root on the machine that runs the cloud, under the e2e lock like every other spec.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cloudDir = new URL('../cloud/', import.meta.url).pathname;

export type CloudService = 'keystone' | 'placement' | 'glance' | 'nova' | 'neutron' | 'cinder' | 'heat';

/** Runs `e2e/cloud/<stop|start> <service>`; resolves with how long it took, in seconds. */
async function cloudScript(script: 'stop' | 'start', service: CloudService): Promise<number> {
  const started = Date.now();
  await run('bash', [`${cloudDir}${script}`, service], { timeout: 180_000 });
  return (Date.now() - started) / 1000;
}

/** Stops the service's daemons; its API refuses connections until startService. */
export const stopService = (service: CloudService) => cloudScript('stop', service);

/** Starts the service's daemons again (nothing to do when they run) and waits until its API answers. */
export const startService = (service: CloudService) => cloudScript('start', service);
