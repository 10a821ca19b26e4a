// The current page's first read, started by the entry (main.tsx) before React and the rest of the app are loaded and
// evaluated: the read is on the wire while that code arrives, and the route's loader then takes it (the API client's
// early reads) instead of asking again. A page's request must come from the same function its fetcher uses, so the
// two cannot drift apart; a read nobody takes is dropped after a few seconds. Everything imported here is in the
// entry chunk every page waits for: request builders only, no React, no query library.
import type { Bootstrap } from '@contract/bootstrap';
import { hasService } from '@contract/service-types';
import { adoptBootstrap } from '../lib/api/bootstrap';
import { api, type RequestOptions } from '../lib/api/client';
import { listCodec as serverListCodec, serverPageRequest } from '../resources/servers/list-state';
import { listCodec as volumeListCodec, volumePageRequest } from '../resources/volumes/list-state';

interface EarlyRead {
  serviceType: string;
  request: (search: URLSearchParams) => { path: string; options: Pick<RequestOptions, 'params' | 'microversion'> };
}

/** By the page's path, as the router matches it. */
const earlyReads: Record<string, EarlyRead> = {
  '/instances': { serviceType: 'compute', request: (search) => serverPageRequest(serverListCodec.parse(search)) },
  '/volumes': { serviceType: 'block-storage', request: (search) => volumePageRequest(volumeListCodec.parse(search)) },
};

export function startEarlyReads(bootstrap: Bootstrap | undefined, location: Pick<Location, 'pathname' | 'search'>) {
  const read = Object.hasOwn(earlyReads, location.pathname) ? earlyReads[location.pathname] : undefined;
  if (!read || !bootstrap) return;
  const session = adoptBootstrap(api, bootstrap);
  if (!session || !hasService(session.services, read.serviceType)) return;
  const { path, options } = read.request(new URLSearchParams(location.search));
  api.startEarlyRead(path, options);
}
