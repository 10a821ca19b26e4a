import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockStorageUsage, computeUsage, networkUsage } from './limits';

afterEach(() => vi.unstubAllGlobals());

describe('quota usage', () => {
  it("reads Nova's absolute limits, with the key pairs counted apart", () => {
    const usage = computeUsage(
      {
        maxTotalInstances: 10,
        totalInstancesUsed: 2,
        maxTotalCores: 20,
        totalCoresUsed: 3,
        maxTotalRAMSize: 51200,
        totalRAMUsed: 1024,
        maxTotalKeypairs: 100,
        maxServerGroups: -1,
        totalServerGroupsUsed: 1,
      },
      4,
    );
    expect(usage).toEqual([
      { id: 'instances', used: 2, limit: 10 },
      { id: 'vcpus', used: 3, limit: 20 },
      { id: 'ram', used: 1024, limit: 51200, unit: 'MiB' },
      { id: 'keypairs', used: 4, limit: 100 },
      { id: 'server-groups', used: 1, limit: -1 },
    ]);
  });

  it("reads Neutron's quota details, leaving out resources the cloud does not have", () => {
    const detail = (used: number, limit: number) => ({ used, limit, reserved: 0 });
    expect(
      networkUsage({
        network: detail(1, 100),
        subnet: detail(1, 100),
        port: detail(3, 500),
        floatingip: detail(0, 50),
        security_group: detail(1, 10),
        security_group_rule: detail(4, -1),
      }).map(({ id, used, limit }) => [id, used, limit]),
    ).toEqual([
      ['networks', 1, 100],
      ['subnets', 1, 100],
      ['ports', 3, 500],
      ['floating-ips', 0, 50],
      ['security-groups', 1, 10],
      ['security-group-rules', 4, -1],
    ]);
  });

  it("reads Cinder's absolute limits", () => {
    expect(
      blockStorageUsage({
        maxTotalVolumes: 10,
        totalVolumesUsed: 1,
        maxTotalSnapshots: 10,
        totalSnapshotsUsed: 0,
        maxTotalVolumeGigabytes: 1000,
        totalGigabytesUsed: 5,
      }),
    ).toEqual([
      { id: 'volumes', used: 1, limit: 10 },
      { id: 'snapshots', used: 0, limit: 10 },
      { id: 'gigabytes', used: 5, limit: 1000, unit: 'GiB' },
    ]);
  });
});

