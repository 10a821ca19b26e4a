// Stacks a write was just sent to, pending until Heat's answer says they settled (lib/api/resource-watch).
import { createWatchStore } from '../../lib/api/resource-watch';
import type { Stack } from './types';

const stacks = createWatchStore<Stack>();

export const { watch: watchStack, unwatch: unwatchStack, useWatched: useWatchedStacks, useWatch: useStackWatch } = stacks;
