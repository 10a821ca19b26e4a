import { describe, expect, it } from 'vitest';
import { flavorUnfitReason, maxLaunchCount, noRequirement, remainingQuota } from './fit';

const plenty = { instances: 10, vcpus: 20, ramMiB: 51200 };
const tiny = { vcpus: 1, ram: 512, disk: 1 };
const zeroDisk = { vcpus: 1, ram: 512, disk: 0 };

describe('remainingQuota', () => {
  it('subtracts use from the limit, unlimited being Infinity', () => {
    expect(
      remainingQuota([
        { id: 'instances', used: 3, limit: 10 },
        { id: 'vcpus', used: 4, limit: -1 },
        { id: 'ram', used: 2048, limit: 1024, unit: 'MiB' },
      ]),
    ).toEqual({ instances: 7, vcpus: Infinity, ramMiB: 0 });
  });
});

describe('flavorUnfitReason', () => {
  it("compares with the image's minimums, as Nova does", () => {
    const image = { minDiskGiB: 30, minRamMiB: 4096, imageSizeBytes: 20 * 1024 ** 2, volumeBacked: false };
    expect(flavorUnfitReason(tiny, image, plenty, 1)).toEqual({ code: 'ramBelowImage', needed: 4096 });
    expect(flavorUnfitReason({ ...tiny, ram: 4096 }, image, plenty, 1)).toEqual({ code: 'diskBelowImage', needed: 30 });
    expect(flavorUnfitReason({ ...tiny, ram: 4096, disk: 40 }, image, plenty, 1)).toBeNull();
  });

  it('lets a 0 GiB root disk take the size of the image', () => {
    expect(flavorUnfitReason(zeroDisk, { minDiskGiB: 30, minRamMiB: 0, volumeBacked: false }, plenty, 1)).toBeNull();
  });

  it('refuses a disk smaller than the image itself', () => {
    expect(flavorUnfitReason(tiny, { minDiskGiB: 0, minRamMiB: 0, imageSizeBytes: 3 * 1024 ** 3 + 1, volumeBacked: false }, plenty, 1))
      .toEqual({ code: 'imageLargerThanDisk', needed: 4 });
  });

  it("ignores the flavor's disk for a volume root disk, not its RAM", () => {
    expect(flavorUnfitReason(tiny, { minDiskGiB: 30, minRamMiB: 0, volumeBacked: true }, plenty, 1)).toBeNull();
    expect(flavorUnfitReason(tiny, { minDiskGiB: 0, minRamMiB: 1024, volumeBacked: true }, plenty, 1)).toMatchObject({ code: 'ramBelowImage' });
  });

  it('counts the quota for every server launched', () => {
    expect(flavorUnfitReason({ vcpus: 4, ram: 512, disk: 1 }, noRequirement, plenty, 5)).toBeNull();
    expect(flavorUnfitReason({ vcpus: 4, ram: 512, disk: 1 }, noRequirement, plenty, 6)).toEqual({ code: 'vcpuQuota', needed: 24, remaining: 20 });
    expect(flavorUnfitReason({ vcpus: 1, ram: 16384, disk: 1 }, noRequirement, plenty, 4)).toEqual({ code: 'ramQuota', needed: 65536, remaining: 51200 });
  });
});

describe('maxLaunchCount', () => {
  it('is the smallest of the instance, vCPU and RAM allowances', () => {
    expect(maxLaunchCount(plenty)).toEqual({ count: 10, limitedBy: 'instances' });
    expect(maxLaunchCount(plenty, { vcpus: 8, ram: 512 })).toEqual({ count: 2, limitedBy: 'vcpus' });
    expect(maxLaunchCount(plenty, { vcpus: 1, ram: 16384 })).toEqual({ count: 3, limitedBy: 'ram' });
    expect(maxLaunchCount({ instances: Infinity, vcpus: Infinity, ramMiB: Infinity }, tiny).count).toBe(Infinity);
  });
});
