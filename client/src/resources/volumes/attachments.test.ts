import { describe, expect, it } from 'vitest';
import { attachmentCaches, attachVolumeCli, attachVolumeRequest, detachVolumeCli, detachVolumeRequest } from './attachments';

describe('volume attachments', () => {
  it("are Nova's os-volume_attachments calls on the server, and `openstack server add/remove volume`", () => {
    expect(attachVolumeRequest('srv-1', 'vol-1')).toEqual({
      method: 'POST',
      path: '/api/os/compute/servers/srv-1/os-volume_attachments',
      body: { volumeAttachment: { volumeId: 'vol-1' } },
      microversion: '2.93',
    });
    expect(detachVolumeRequest('srv-1', 'vol-1')).toEqual({
      method: 'DELETE',
      path: '/api/os/compute/servers/srv-1/os-volume_attachments/vol-1',
      microversion: '2.93',
    });
    expect(attachVolumeCli('srv-1', 'vol-1')).toEqual(['server', 'add', 'volume', 'srv-1', 'vol-1']);
    expect(detachVolumeCli('srv-1', 'vol-1')).toEqual(['server', 'remove', 'volume', 'srv-1', 'vol-1']);
  });

  it('change both the servers and the volumes of the scope', () => {
    expect(attachmentCaches({ region: 'RegionOne', projectId: 'p1' })).toEqual([
      ['compute', 'RegionOne', 'p1', 'servers'],
      ['block-storage', 'RegionOne', 'p1', 'volumes'],
    ]);
  });
});
