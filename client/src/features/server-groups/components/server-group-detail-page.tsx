// One server group (deep link /server-groups/<id>): its policy and rule, its members as links to their instances
// (names from the project's one server list), the same actions as the list's row menu and their commands.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { CliCommand } from '../../../lib/ui/cli-command';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { Menu } from '../../../lib/ui/menu';
import type { PageReads } from '../../../lib/ui/api-reads';
import { serverGroupPath, useServerGroup } from '../../../resources/server-groups/server-groups';
import { useServerNames } from '../../../resources/servers/server-names';
import { serversPath } from '../../../resources/servers/servers';
import { identifyServerGroup, serverGroupActions } from '../actions';
import { RulesText } from './rules-text';

export function ServerGroupDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const group = useServerGroup(id);
  const serverNames = useServerNames();
  const actions = useResourceActions({ actions: serverGroupActions, identify: identifyServerGroup, onSucceeded: () => void navigate('/server-groups') });
  // The members' names come from the project's server list.
  const reads: PageReads = { commands: [['server', 'group', 'show', id], ['server', 'list']], requests: [serverGroupPath(id), serversPath] };

  return (
    <div className="px-6 py-6">
      <BackLink to="/server-groups">{t('server-groups.list.title')}</BackLink>
      <DetailState query={group} loading={t('server-groups.detail.loading')} deleted={t('server-groups.detail.deleted')} deletedTestId="server-group-deleted">
        {(shown) => (
          <>
            <DetailHeader
              title={shown.name || shown.id}
              reads={reads}
              actions={
                <Menu
                  label={t('server-groups.list.rowActions', { name: shown.name })}
                  items={actions.menuItems(shown)}
                  testId="detail-actions"
                  trigger={t('server-groups.detail.actions')}
                />
              }
            />
            <div className="space-y-4">
              <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
              <DetailSection>
                <dl className="grid gap-4 sm:grid-cols-2">
                  <DetailField label={t('server-groups.columns.policy')} testId="detail-policy">
                    {t(`server-groups.policy.${shown.policy}`)}
                    <span className="block text-xs text-fg-muted">{t(`server-groups.policyHelp.${shown.policy}`)}</span>
                  </DetailField>
                  <DetailField label={t('server-groups.columns.rules')}>
                    <RulesText group={shown} testId="detail-rules" />
                  </DetailField>
                  <DetailField label={t('server-groups.detail.id')} testId="detail-id">
                    <span className="font-mono text-xs">{shown.id}</span>
                  </DetailField>
                </dl>
              </DetailSection>
              <DetailSection title={t('server-groups.detail.members', { count: shown.members.length })} testId="server-group-members">
                {shown.members.length === 0 ? (
                  <p className="text-sm text-fg-muted">{t('server-groups.detail.noMembers')}</p>
                ) : (
                  <ul className="space-y-1 text-sm">
                    {shown.members.map((serverId) => (
                      <li key={serverId}>
                        <Link to={`/instances/${serverId}`} className="font-medium text-brand hover:underline" data-testid="server-group-member">
                          {serverNames.data?.get(serverId) ?? serverId}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mt-3 text-xs text-fg-muted">{t('server-groups.detail.membersHint')}</p>
              </DetailSection>
              <DetailSection title={t('server-groups.detail.cli')}>
                <CliCommand commands={[['server', 'group', 'show', shown.id], ...serverGroupActions.flatMap((action) => action.cli(shown, undefined))]} />
              </DetailSection>
            </div>
          </>
        )}
      </DetailState>
      {actions.dialogElement}
    </div>
  );
}
