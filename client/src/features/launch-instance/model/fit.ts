// Which flavors can boot the chosen source, and how many servers the project's remaining quota allows: the same
// checks Nova makes at create time (nova/compute/api.py _validate_flavor_image_nostatus, quota check), made before.
import type { Flavor } from '../../../resources/flavors/types';
import type { QuotaUsage } from '../../../resources/quotas/limits';

/** What the project may still use; Infinity when unlimited. */
export interface RemainingQuota {
  instances: number;
  vcpus: number;
  ramMiB: number;
}

export const unlimitedQuota: RemainingQuota = { instances: Infinity, vcpus: Infinity, ramMiB: Infinity };

export function remainingQuota(usage: readonly QuotaUsage[]): RemainingQuota {
  const remaining = (id: QuotaUsage['id']) => {
    const quota = usage.find((entry) => entry.id === id);
    if (!quota || quota.limit < 0) return Infinity;
    return Math.max(0, quota.limit - quota.used);
  };
  return { instances: remaining('instances'), vcpus: remaining('vcpus'), ramMiB: remaining('ram') };
}

/** What the boot source demands of the flavor. */
export interface BootRequirement {
  minDiskGiB: number;
  minRamMiB: number;
  /** Bytes of the image copied to the local disk; undefined when booting from a volume. */
  imageSizeBytes?: number;
  /** The root disk is a volume: the flavor's disk is not used for it. */
  volumeBacked: boolean;
}

export const noRequirement: BootRequirement = { minDiskGiB: 0, minRamMiB: 0, volumeBacked: false };

export type FlavorUnfitReason =
  | { code: 'ramBelowImage'; needed: number }
  | { code: 'diskBelowImage'; needed: number }
  | { code: 'imageLargerThanDisk'; needed: number }
  | { code: 'vcpuQuota'; needed: number; remaining: number }
  | { code: 'ramQuota'; needed: number; remaining: number };

const gib = 1024 ** 3;

/** Why this flavor cannot launch `count` servers from the source, or null when it can. */
export function flavorUnfitReason(
  flavor: Pick<Flavor, 'vcpus' | 'ram' | 'disk'>,
  requirement: BootRequirement,
  remaining: RemainingQuota,
  count: number,
): FlavorUnfitReason | null {
  if (flavor.ram < requirement.minRamMiB) return { code: 'ramBelowImage', needed: requirement.minRamMiB };
  // A flavor with a 0 GiB root disk takes the size of the image: nothing to compare.
  if (!requirement.volumeBacked && flavor.disk > 0) {
    if (flavor.disk < requirement.minDiskGiB) return { code: 'diskBelowImage', needed: requirement.minDiskGiB };
    if (requirement.imageSizeBytes !== undefined && requirement.imageSizeBytes > flavor.disk * gib) {
      return { code: 'imageLargerThanDisk', needed: Math.ceil(requirement.imageSizeBytes / gib) };
    }
  }
  if (flavor.vcpus * count > remaining.vcpus) return { code: 'vcpuQuota', needed: flavor.vcpus * count, remaining: remaining.vcpus };
  if (flavor.ram * count > remaining.ramMiB) return { code: 'ramQuota', needed: flavor.ram * count, remaining: remaining.ramMiB };
  return null;
}

export interface CountLimit {
  count: number;
  limitedBy: 'instances' | 'vcpus' | 'ram';
}

/** The most servers the remaining quota allows (with the flavor, when one is chosen), and which quota says so. */
export function maxLaunchCount(remaining: RemainingQuota, flavor?: Pick<Flavor, 'vcpus' | 'ram'>): CountLimit {
  const limits: CountLimit[] = [{ count: remaining.instances, limitedBy: 'instances' }];
  if (flavor && flavor.vcpus > 0) limits.push({ count: Math.floor(remaining.vcpus / flavor.vcpus), limitedBy: 'vcpus' });
  if (flavor && flavor.ram > 0) limits.push({ count: Math.floor(remaining.ramMiB / flavor.ram), limitedBy: 'ram' });
  return limits.reduce((smallest, limit) => (limit.count < smallest.count ? limit : smallest));
}
