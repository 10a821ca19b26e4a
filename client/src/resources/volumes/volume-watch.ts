// Volumes a write was just sent to, pending until Cinder's answer says they settled (lib/api/resource-watch).
import { createWatchStore } from '../../lib/api/resource-watch';
import type { Volume } from './types';

const volumes = createWatchStore<Volume>();

export const { watch: watchVolume, unwatch: unwatchVolume, useWatched: useWatchedVolumes, useWatch: useVolumeWatch } = volumes;
