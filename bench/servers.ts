// Fake servers for the benchmarks that need many of them (instances, topology): listed, created in batches, waited
// for, deleted, with the project's compute quota shifted by exactly what they use. Each bench names its servers
// with its own prefix, so it finds and removes only its own.
import { call, type Session } from './openstack';

export interface SeededServer {
  id: string;
  name: string;
  status: string;
  fault?: { message: string };
}

export interface Flavor {
  id: string;
  vcpus: number;
  ram: number;
}

export const benchFlavorName = 'm1.tiny';
export const benchImageName = 'cirros-tiny';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every server of the session's project whose name starts with `namePrefix` (Nova matches names as a regex). */
export async function listServers(session: Session, namePrefix: string): Promise<SeededServer[]> {
  const servers: SeededServer[] = [];
  let marker: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ name: `^${namePrefix}`, limit: '1000', ...(marker ? { marker } : {}) });
    const page = await call<{ servers: SeededServer[] }>(session, 'GET', `${session.endpoints.compute}/servers/detail?${query}`);
    servers.push(...page.servers);
    if (page.servers.length < 1000) return servers;
    marker = page.servers.at(-1)?.id;
  }
}

export async function idByName(session: Session, url: string, collection: string, name: string): Promise<string | undefined> {
  const body = await call<Record<string, { id: string; name: string }[]>>(session, 'GET', url);
  return body[collection]?.find((item) => item.name === name)?.id;
}

export async function benchFlavor(session: Session): Promise<Flavor> {
  const { flavors } = await call<{ flavors: (Flavor & { name: string })[] }>(session, 'GET', `${session.endpoints.compute}/flavors/detail`);
  const flavor = flavors.find((candidate) => candidate.name === benchFlavorName);
  if (!flavor) throw new Error(`${benchFlavorName} is missing: run e2e/cloud/up`);
  return flavor;
}

export async function benchImageId(session: Session): Promise<string> {
  const id = await idByName(session, `${session.endpoints.image}/v2/images?name=${benchImageName}`, 'images', benchImageName);
  if (!id) throw new Error(`${benchImageName} is missing: run e2e/cloud/up`);
  return id;
}

/**
 * Shifts the project's instances, cores, RAM and port quotas by what `serverDelta` servers of `flavor` use: the
 * seeding adds exactly that, the cleanup takes exactly that back. Unlimited stays unlimited; never below the
 * cloud's default, whatever happened in between.
 */
export async function adjustServerQuota(admin: Session, projectId: string, flavor: Flavor, serverDelta: number) {
  if (serverDelta === 0) return;
  const computeUrl = `${admin.endpoints.compute}/os-quota-sets/${projectId}`;
  const { quota_set: current } = await call<{ quota_set: Record<string, number> }>(admin, 'GET', computeUrl);
  const { quota_set: defaults } = await call<{ quota_set: Record<string, number> }>(admin, 'GET', `${computeUrl}/defaults`);
  const shifted = (name: string, perServer: number) => {
    const limit = current[name] ?? -1;
    return limit === -1 ? -1 : Math.max(defaults[name] ?? 0, limit + serverDelta * perServer);
  };
  await call(admin, 'PUT', computeUrl, {
    quota_set: { instances: shifted('instances', 1), cores: shifted('cores', flavor.vcpus), ram: shifted('ram', flavor.ram) },
  });
  const networkUrl = `${admin.endpoints.network}/v2.0/quotas/${projectId}`;
  const { quota } = await call<{ quota: { port: number } }>(admin, 'GET', networkUrl);
  if (quota.port !== -1) await call(admin, 'PUT', networkUrl, { quota: { port: Math.max(500, quota.port + serverDelta) } });
}

export interface CreateServers {
  /** The servers' names start with it; Nova names each server of a multiple create `<name>-<n>`. */
  name: string;
  count: number;
  imageId: string;
  flavorId: string;
  networkId: string;
  /** Servers per create call: Nova schedules a batch as one request. */
  batchSize: number;
  /** Waits for each batch to leave BUILD before sending the next, so the cloud builds one batch at a time. */
  settleEachBatch?: boolean;
}

export async function createServers(session: Session, request: CreateServers) {
  const batchTag = Date.now().toString(36);
  for (let created = 0, batch = 0; created < request.count; batch++) {
    const size = Math.min(request.batchSize, request.count - created);
    await call(session, 'POST', `${session.endpoints.compute}/servers`, {
      server: {
        name: `${request.name}${batchTag}-${batch}`,
        imageRef: request.imageId,
        flavorRef: request.flavorId,
        networks: [{ uuid: request.networkId }],
        min_count: size,
        max_count: size,
      },
    });
    created += size;
    if (request.settleEachBatch) {
      for (;;) {
        const servers = await listServers(session, request.name);
        if (!servers.some((server) => server.status === 'BUILD')) break;
        await pause(3000);
      }
    }
  }
}

/** Waits until `count` servers named `namePrefix`… are ACTIVE, printing the states as they change; fails on ERROR. */
export async function waitUntilActive(session: Session, namePrefix: string, count: number) {
  // The local cloud builds about one server every 3 s (100 took 5 min).
  const deadline = Date.now() + (120 + 5 * count) * 1000;
  let lastProgress = '';
  for (;;) {
    const servers = await listServers(session, namePrefix);
    const byStatus = new Map<string, number>();
    for (const server of servers) byStatus.set(server.status, (byStatus.get(server.status) ?? 0) + 1);
    const progress = [...byStatus].map(([status, number]) => `${status} ${number}`).join(', ');
    if (progress !== lastProgress) console.log(`  ${new Date().toISOString().slice(11, 19)} ${progress}`);
    lastProgress = progress;
    const failed = servers.find((server) => server.status === 'ERROR');
    if (failed) throw new Error(`${failed.name} is in ERROR: ${failed.fault?.message ?? 'no fault given'}`);
    if ((byStatus.get('ACTIVE') ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error('the bench servers did not all become ACTIVE in time');
    await pause(10_000);
  }
}

/**
 * Deletes the servers named `namePrefix`…, `batch` at a time, each batch gone before the next is asked for: Nova's
 * one compute service takes them one after the other, and other users' (the e2e suite's) servers wait behind
 * whatever is queued. Returns how many were deleted.
 */
export async function deleteServers(session: Session, namePrefix: string, batch = 10): Promise<number> {
  const servers = await listServers(session, namePrefix);
  console.log(`deleting ${servers.length} bench servers, ${batch} at a time`);
  const deadline = Date.now() + (120 + 5 * servers.length) * 1000;
  for (let start = 0; start < servers.length; start += batch) {
    const ids = new Set(servers.slice(start, start + batch).map((server) => server.id));
    // A server already gone (a delete asked for before) answers 404: that is what was wanted.
    const gone = (error: Error) => {
      if (!error.message.includes('HTTP 404')) throw error;
    };
    await Promise.all([...ids].map((id) => call(session, 'DELETE', `${session.endpoints.compute}/servers/${id}`).catch(gone)));
    while ((await listServers(session, namePrefix)).some((server) => ids.has(server.id))) {
      if (Date.now() > deadline) throw new Error('the bench servers are still there');
      await pause(2000);
    }
    console.log(`  ${servers.length - start - ids.size} left`);
  }
  return servers.length;
}
