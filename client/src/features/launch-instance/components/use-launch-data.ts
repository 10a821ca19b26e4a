// What the wizard reads from the cloud, once for every step: react-query shares these reads with the steps
// that show them, so each list is fetched a single time.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { hasService } from '@contract/service-types';
import { useScope } from '../../../lib/scope';
import { useFlavors } from '../../../resources/flavors/flavors';
import { useImages } from '../../../resources/images/images';
import type { Image } from '../../../resources/images/types';
import { useSubnets } from '../../../resources/networks/networks';
import { computeQuotaOptions } from '../../../resources/quotas/limits';
import { volumeSnapshotsQueryOptions } from '../../../resources/volume-snapshots/volume-snapshots';
import type { VolumeSnapshot } from '../../../resources/volume-snapshots/types';
import { volumesQueryOptions } from '../../../resources/volumes/volumes';
import type { Volume } from '../../../resources/volumes/types';
import { remainingQuota } from '../model/fit';
import type { LaunchContext } from '../model/launch-form';

export function useLaunchData(networkIds: readonly string[]) {
  const scope = useScope();
  const hasBlockStorage = hasService(scope.services, 'block-storage');
  const quota = useQuery(computeQuotaOptions(scope));
  const flavors = useFlavors();
  const images = useImages({ status: 'active' });
  const volumes = useQuery({ ...volumesQueryOptions(scope, { status: 'available', bootable: true }), enabled: hasBlockStorage });
  const volumeSnapshots = useQuery({ ...volumeSnapshotsQueryOptions(scope, { status: 'available' }), enabled: hasBlockStorage });
  const subnets = useSubnets(networkIds);

  const context = useMemo<LaunchContext>(
    () => ({
      remaining: quota.data ? remainingQuota(quota.data) : undefined,
      flavors: flavors.data ?? [],
      images: new Map<string, Image>((images.data ?? []).map((image) => [image.id, image])),
      volumes: new Map<string, Volume>((volumes.data ?? []).map((volume) => [volume.id, volume])),
      volumeSnapshots: new Map<string, VolumeSnapshot>((volumeSnapshots.data ?? []).map((snapshot) => [snapshot.id, snapshot])),
      subnets: networkIds.length > 0 ? (subnets.data ?? []) : [],
    }),
    [quota.data, flavors.data, images.data, volumes.data, volumeSnapshots.data, subnets.data, networkIds.length],
  );
  return { context, quota, flavors, images, volumes, volumeSnapshots, hasBlockStorage };
}

export type LaunchData = ReturnType<typeof useLaunchData>;
