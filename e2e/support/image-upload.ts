// What the upload spec needs beyond the shared helpers: the BFF process's memory, read from /proc, found by the
// port it listens on.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The pid of the process listening on 127.0.0.1:<port>, from `ss -ltnp`. */
export async function pidListeningOn(port: number): Promise<number> {
  const { stdout } = await run('ss', ['-Hltnp', `sport = :${port}`]);
  const pid = /pid=(\d+)/.exec(stdout)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${port}: ${stdout}`);
  return Number(pid);
}

/** Resident memory now and its peak so far, in bytes (VmRSS and VmHWM of /proc/<pid>/status). */
export async function processMemory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => {
    const value = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    if (!value) throw new Error(`no ${name} in /proc/${pid}/status`);
    return Number(value) * 1024;
  };
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Samples a process's resident memory every `intervalMs` until stopped; returns the largest sample. */
export function sampleMemory(pid: number, intervalMs = 100) {
  let largest = 0;
  const timer = setInterval(() => {
    void processMemory(pid).then(({ rss }) => {
      largest = Math.max(largest, rss);
    });
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      largest = Math.max(largest, (await processMemory(pid)).rss);
      return largest;
    },
  };
}
