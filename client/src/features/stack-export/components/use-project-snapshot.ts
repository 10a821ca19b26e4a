// The project as the generator reads it: each resource's list read once through its resource module (the same
// queries, and cache, as the list pages), then the names of the images servers and volumes came from. The export is
// a picture taken when the page opens: nothing is read again behind the user's edits, only on "Read again".
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { hasService } from '@contract/service-types';
import { useScope } from '../../../lib/scope';
import { floatingIpsQueryOptions } from '../../../resources/floating-ips/floating-ips';
import { imagesByIdsQueryOptions } from '../../../resources/images/images-by-ids';
import { keypairsQueryOptions } from '../../../resources/keypairs/keypairs';
import { subnetsQueryOptions, usableNetworksQueryOptions } from '../../../resources/networks/networks';
import { portsQueryOptions } from '../../../resources/ports/ports';
import { routersQueryOptions } from '../../../resources/routers/routers';
import { securityGroupsQueryOptions } from '../../../resources/security-groups/security-groups';
import { serverGroupsQueryOptions } from '../../../resources/server-groups/server-groups';
import { allServersQueryOptions } from '../../../resources/servers/servers';
import { volumesQueryOptions } from '../../../resources/volumes/volumes';
import type { ProjectSnapshot } from '../snapshot';

const asRead = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

export interface ProjectSnapshotState {
  snapshot: ProjectSnapshot | undefined;
  /** The first read that failed, with its service's message. */
  error: Error | null;
  isFetching: boolean;
  /** Reads everything again (what failed, and what changed since). */
  refetch: () => void;
}

export function useProjectSnapshot(): ProjectSnapshotState {
  const scope = useScope();
  // A cloud without block storage has no volumes to export, rather than an export that cannot load.
  const withVolumes = hasService(scope.services, 'block-storage');
  const servers = useQuery({ ...allServersQueryOptions(scope), ...asRead });
  const ports = useQuery({ ...portsQueryOptions(scope), ...asRead });
  const networks = useQuery({ ...usableNetworksQueryOptions(scope), ...asRead });
  // The project's own subnets: those of other projects' networks are never re-created.
  const subnets = useQuery({ ...subnetsQueryOptions(scope, []), ...asRead });
  const routers = useQuery({ ...routersQueryOptions(scope), ...asRead });
  const groups = useQuery({ ...securityGroupsQueryOptions(scope), ...asRead });
  const floatingIps = useQuery({ ...floatingIpsQueryOptions(scope), ...asRead });
  const volumes = useQuery({ ...volumesQueryOptions(scope), ...asRead, enabled: withVolumes });
  const keypairs = useQuery({ ...keypairsQueryOptions(scope), ...asRead });
  const serverGroups = useQuery({ ...serverGroupsQueryOptions(scope), ...asRead });

  const imageIds = useMemo(
    () => [
      ...(servers.data?.servers ?? []).map((server) => (server.image === '' ? undefined : server.image.id)),
      ...(volumes.data ?? []).map((volume) => volume.volume_image_metadata?.image_id),
    ],
    [servers.data, volumes.data],
  );
  // Names only label the parameters: without them (an image deleted, Glance refusing) the ids do.
  const images = useQuery({ ...imagesByIdsQueryOptions(scope, imageIds.filter((id): id is string => id !== undefined)), ...asRead });

  const required: UseQueryResult<unknown>[] = [servers, ports, networks, subnets, routers, groups, floatingIps, keypairs, serverGroups];
  if (withVolumes) required.push(volumes);
  const error = required.find((query) => query.isError)?.error ?? null;
  const ready = required.every((query) => query.isSuccess) && !(images.isPending && images.isFetching);

  const snapshot = useMemo<ProjectSnapshot | undefined>(() => {
    if (!ready) return undefined;
    return {
      projectId: scope.projectId,
      projectName: scope.projectName,
      servers: servers.data?.servers ?? [],
      ports: ports.data ?? [],
      networks: networks.data ?? [],
      subnets: subnets.data ?? [],
      routers: routers.data ?? [],
      securityGroups: groups.data ?? [],
      floatingIps: floatingIps.data ?? [],
      volumes: volumes.data ?? [],
      keypairs: keypairs.data ?? [],
      serverGroups: serverGroups.data ?? [],
      imageNames: new Map([...(images.data?.values() ?? [])].map((image) => [image.id, image.name ?? ''])),
    };
  }, [
    ready,
    scope.projectId,
    scope.projectName,
    servers.data,
    ports.data,
    networks.data,
    subnets.data,
    routers.data,
    groups.data,
    floatingIps.data,
    volumes.data,
    keypairs.data,
    serverGroups.data,
    images.data,
  ]);

  return {
    snapshot,
    error,
    isFetching: required.some((query) => query.isFetching) || images.isFetching,
    refetch: () => {
      for (const query of [...required, images]) void query.refetch();
    },
  };
}
