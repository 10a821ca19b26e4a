// What the upload and import spec needs beyond the shared helpers: the BFF process's memory, read from /proc,
// found by the port it listens on, and an HTTP server on 127.0.0.1 for Glance's web-download to fetch from.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
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

/**
 * The one port Glance's web-download may fetch from on 127.0.0.1: e2e/cloud/configs.sh
 * (GLANCE_WEB_DOWNLOAD_TEST_PORT, [import_filtering_opts]) allows it and nothing else on this machine.
 */
export const webDownloadPort = 9299;

export interface ImageDataServer {
  url: (path: string) => string;
  /** Paths Glance asked for, in order. */
  requested: string[];
  /** Lets a held download finish. */
  release: () => void;
  close: () => Promise<void>;
}

/**
 * Serves files to Glance's web-download on 127.0.0.1:webDownloadPort; any other path is a 404. A file served
 * with `hold` sends its first half, then waits for release(): the import stays in progress as long as a test
 * needs to look at it.
 */
export async function serveImageData(files: Record<string, { path: string; hold?: boolean }>): Promise<ImageDataServer> {
  const requested: string[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    requested.push(path);
    const file = files[path];
    if (!file || request.method !== 'GET') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    void readFile(file.path).then(async (data) => {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': data.length });
      if (file.hold) {
        response.write(data.subarray(0, data.length >> 1));
        await released;
        response.end(data.subarray(data.length >> 1));
      } else {
        response.end(data);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webDownloadPort, '127.0.0.1', resolve);
  });
  return {
    url: (path) => `http://127.0.0.1:${webDownloadPort}${path}`,
    requested,
    release,
    close: () => {
      release();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
