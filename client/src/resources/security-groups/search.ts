// Security groups the search box finds in the project: by exact name or id with Neutron's filters; an id prefix in
// the browser over the project's groups (ids and names only).
import { searchExact } from '../../lib/search/collection';
import type { ResourceSearch } from '../../lib/search/query';
import { securityGroupsPath } from './security-groups';
import type { SecurityGroup } from './types';

export type SecurityGroupMatch = Pick<SecurityGroup, 'id' | 'name'>;

export const searchSecurityGroups: ResourceSearch<SecurityGroupMatch> = (query, context) =>
  searchExact<SecurityGroupMatch>(
    { path: securityGroupsPath, collection: 'security_groups', base: { project_id: context.projectId }, fields: ['id', 'name'] },
    query,
    context,
  );
