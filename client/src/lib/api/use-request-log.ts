import { useSyncExternalStore } from 'react';
import { api } from './client';
import type { LoggedRequest } from './request-log';

/** The calls this tab made, newest last, re-rendering on every call sent or settled. */
export function useRequestLog(log = api.requestLog): readonly LoggedRequest[] {
  return useSyncExternalStore(log.subscribe, log.entries);
}
