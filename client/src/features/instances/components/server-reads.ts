// What the instances pages read, for their "API" panel: the `openstack` commands with the page's filters, and the
// calls that belong to each page.
import { cliOptions, type PageReads } from '../../../lib/ui/api-reads';
import { floatingIpsPath } from '../../../resources/floating-ips/floating-ips';
import { imagesPath } from '../../../resources/images/images';
import { networksPath } from '../../../resources/networks/networks';
import { portsPath } from '../../../resources/ports/ports';
import { securityGroupsPath } from '../../../resources/security-groups/security-groups';
import { serverListParams, type ListState } from '../../../resources/servers/list-state';
import { serverPath, serversPath, type ServerListScope } from '../../../resources/servers/servers';

/**
 * `openstack server list --long` with the list's filters as Nova receives them (name and IP are regular expressions
 * for Nova and the CLI alike: the page escapes what the user typed, so does the command). The CLI cannot ask Nova
 * for a sort order; it lists every page.
 */
export function serverListReads(state: ListState, listScope: ServerListScope = 'project'): PageReads {
  const params = serverListParams(state);
  const value = (name: string) => (params[name] === undefined ? undefined : String(params[name]));
  return {
    commands: [
      [
        'server',
        'list',
        '--long',
        ...cliOptions([
          ['--all-projects', listScope === 'all-projects'],
          ['--name', value('name')],
          ['--status', value('status')],
          ['--flavor', value('flavor')],
          ['--image', value('image')],
          ['--ip', value('ip')],
          ['--availability-zone', value('availability_zone')],
        ]),
      ],
    ],
    // The page's servers, and its image names in one batched Glance call.
    requests: [`${serversPath}/detail`, imagesPath],
  };
}

/** One instance: the server, its image, ports and floating IPs (interfaces tab), its action log. */
export function serverDetailReads(id: string): PageReads {
  return {
    commands: [
      ['server', 'show', id],
      ['port', 'list', '--server', id],
      ['console', 'log', 'show', id],
      ['server', 'event', 'list', '--long', id],
    ],
    requests: [
      serverPath(id),
      imagesPath,
      { path: portsPath, params: { device_id: id } },
      floatingIpsPath,
      securityGroupsPath,
      networksPath,
      `${serverPath(id)}/os-instance-actions`,
      `${serverPath(id)}/os-instance-actions/*`,
    ],
  };
}
