import { describe, expect, it } from 'vitest';
import { changesByService, checkDraft, draftOf, quotaSetCli, quotaSetCommands } from './edit';
import { quotaUpdateRequests } from '../../resources/quotas/quotas';
import type { ProjectQuotas } from '../../resources/quotas/types';

const quotas: ProjectQuotas = {
  compute: { instances: { used: 4, limit: 10 }, cores: { used: 8, limit: 20 }, ram: { used: 4096, limit: 51200 } },
  network: { network: { used: 1, limit: 100 }, port: { used: 3, limit: -1 } },
  'block-storage': new Error('Cinder did not answer'),
};

describe('quota edit draft', () => {
  it('starts from the current limits of the services that answered', () => {
    expect(draftOf(quotas)).toEqual({
      compute: { instances: '10', cores: '20', ram: '51200' },
      network: { network: '100', port: '-1' },
      'block-storage': {},
      'load-balancer': {},
    });
  });

  it('refuses what is not a whole number or is below -1, and lists only real changes', () => {
    const draft = draftOf(quotas);
    draft.compute.instances = '12';
    draft.compute.cores = '2.5';
    draft.compute.ram = '-2';
    draft.network.port = ' -1 ';
    const check = checkDraft(draft, quotas);
    expect(check.problems).toEqual({ 'compute.cores': 'quotas.edit.problems.notInteger', 'compute.ram': 'quotas.edit.problems.belowMinusOne' });
    expect(check.changes).toEqual([{ service: 'compute', key: 'instances', from: 10, to: 12, used: 4 }]);
    expect(check.belowUsage).toEqual([]);
  });

  it('flags a limit set below usage, but not unlimited', () => {
    const draft = draftOf(quotas);
    draft.compute.instances = '2';
    draft.network.network = '-1';
    const check = checkDraft(draft, quotas);
    expect(check.belowUsage.map((change) => change.key)).toEqual(['instances']);
    expect(changesByService(check.changes)).toEqual({ compute: { instances: 2 }, network: { network: -1 } });
    expect(quotaSetCli({ projectName: 'demo' }, check.changes, true)).toEqual(['quota', 'set', '--instances', '2', '--networks', '-1', '--force', 'demo']);
    expect(quotaSetCli('defaults', check.changes.slice(0, 1), false)).toEqual(['quota', 'set', '--class', '--instances', '2', 'default']);
  });

  it("edits Octavia's quotas where they were read: its own call and its own command", () => {
    const withOctavia: ProjectQuotas = { ...quotas, 'load-balancer': { loadbalancer: { used: 1, limit: 10 }, member: { used: 2, limit: 50 } } };
    const draft = draftOf(withOctavia);
    expect(draft['load-balancer']).toEqual({ loadbalancer: '10', member: '50' });
    draft['load-balancer'].loadbalancer = '5';
    draft.compute.instances = '12';
    const check = checkDraft(draft, withOctavia);
    expect(quotaUpdateRequests({ kind: 'project', projectId: 'p1' }, changesByService(check.changes), false)).toEqual([
      { path: '/api/os/compute/os-quota-sets/p1', body: { quota_set: { instances: 12 } } },
      { path: '/api/os/load-balancer/v2/lbaas/quotas/p1', body: { quota: { loadbalancer: 5 } } },
    ]);
    expect(quotaSetCommands({ projectName: 'demo' }, check.changes, false)).toEqual([
      ['quota', 'set', '--instances', '12', 'demo'],
      ['loadbalancer', 'quota', 'set', '--loadbalancer', '5', 'demo'],
    ]);
  });
});
