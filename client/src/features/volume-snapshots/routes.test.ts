import { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { feature } from './routes';

describe('snapshot routes', () => {
  it("win over the volumes feature's volumes/:id, whatever the order the features are collected in", () => {
    const snapshotRoutes = feature.routes({ queryClient: new QueryClient(), scope: () => Promise.resolve(null) });
    const volumeDetail: RouteObject = { path: 'volumes/:id' };
    for (const routes of [[volumeDetail, ...snapshotRoutes], [...snapshotRoutes, volumeDetail]]) {
      expect(matchRoutes(routes, '/volumes/snapshots')?.[0]?.route.path).toBe('volumes/snapshots');
      expect(matchRoutes(routes, '/volumes/snapshots/s1')?.[0]?.route.path).toBe('volumes/snapshots/:id');
      expect(matchRoutes(routes, '/volumes/v1')?.[0]?.route.path).toBe('volumes/:id');
    }
  });
});
