// Servers an action was just sent to, pending until Nova's answer says they settled (lib/api/resource-watch).
import { createWatchStore } from '../../lib/api/resource-watch';
import type { Server } from './types';

const servers = createWatchStore<Server>();

export const { watch: watchServer, unwatch: unwatchServer, useWatched: useWatchedServers, useWatch } = servers;
