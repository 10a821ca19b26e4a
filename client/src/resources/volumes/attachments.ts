// Attaching a volume to a server and detaching it are Nova's calls (os-volume_attachments), which drive Cinder's
// attachment themselves. One request and one command line each, sent from the instance page and the volume page
// alike; both change the server and the volume.
import type { ActionRequest, CliArgv } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { computeMicroversion, serverKeys, serverPath } from '../servers/servers';
import { volumeKeys } from './volumes';

const attachmentsPath = (serverId: string) => `${serverPath(serverId)}/os-volume_attachments`;

export function attachVolumeRequest(serverId: string, volumeId: string): ActionRequest {
  return { method: 'POST', path: attachmentsPath(serverId), body: { volumeAttachment: { volumeId } }, microversion: computeMicroversion };
}

export function detachVolumeRequest(serverId: string, volumeId: string): ActionRequest {
  return { method: 'DELETE', path: `${attachmentsPath(serverId)}/${encodeURIComponent(volumeId)}`, microversion: computeMicroversion };
}

export const attachVolumeCli = (serverId: string, volumeId: string): CliArgv => ['server', 'add', 'volume', serverId, volumeId];

export const detachVolumeCli = (serverId: string, volumeId: string): CliArgv => ['server', 'remove', 'volume', serverId, volumeId];

/** The caches an attach or a detach changes: the servers' volume lists and the volumes' attachments and status. */
export const attachmentCaches = (scope: QueryScope) => [serverKeys.all(scope), volumeKeys.all(scope)];
