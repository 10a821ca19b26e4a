// Every cached OpenStack answer is keyed by the scope it was read in, so switching project or region can never
// show data of the scope the user just left: [service, region, projectId, resource, id?, params?].

export interface QueryScope {
  region: string;
  projectId: string;
}

export function scopedQueryKeys(service: string, resource: string) {
  return {
    /** Everything of this resource in the scope: the prefix to invalidate after a change. */
    all: (scope: QueryScope) => [service, scope.region, scope.projectId, resource] as const,
    list: (scope: QueryScope, params?: Readonly<Record<string, unknown>>) =>
      params === undefined
        ? ([service, scope.region, scope.projectId, resource] as const)
        : ([service, scope.region, scope.projectId, resource, null, params] as const),
    detail: (scope: QueryScope, id: string) => [service, scope.region, scope.projectId, resource, id] as const,
  };
}

/** True for keys made by scopedQueryKeys in `scope`; auth keys (['auth', ...]) never match. */
export function isKeyInScope(key: readonly unknown[], scope: QueryScope): boolean {
  return key.length >= 4 && key[0] !== 'auth' && key[1] === scope.region && key[2] === scope.projectId;
}
