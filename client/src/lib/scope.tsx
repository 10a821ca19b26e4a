// The scope every page works in (project, region, the services its catalog offers), provided by the app from the
// session so feature pages need not know where the session comes from.
import { createContext, useContext } from 'react';
import type { QueryScope } from './api/query-keys';
import type { CatalogService } from '@contract/session';

export interface Scope extends QueryScope {
  projectName: string;
  services: readonly CatalogService[];
}

export const ScopeContext = createContext<Scope | null>(null);

export function useScope(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useScope outside a signed-in page');
  return scope;
}
