// The user's EC2 credentials (every project's: Keystone lists them per user), without their secrets, with create
// (the secret is shown once, in the dialog) and delete.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { Button } from '../../../lib/ui/button';
import { rowActionsColumn } from '../../../lib/ui/columns';
import { DataTable } from '../../../lib/ui/data-table';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import { useEc2Credentials } from '../../../resources/ec2-credentials/ec2-credentials';
import type { ListedEc2Credential } from '../../../resources/ec2-credentials/types';
import { createEc2Credential, ec2CredentialActions, identifyEc2Credential, identifyOwner } from '../actions';
import type { CredentialOwner } from '../credential-owner';

const sortValues: Record<string, SortValue<ListedEc2Credential>> = {
  access: (credential) => credential.access,
  project: (credential) => credential.tenant_id ?? '',
};
const initialSort = { id: 'project', desc: false };

export function Ec2CredentialsSection({ owner, projectName }: { owner: CredentialOwner; projectName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const credentials = useEc2Credentials();
  const actions = useResourceActions({ actions: ec2CredentialActions, identify: identifyEc2Credential });
  const creation = useResourceActions<CredentialOwner>({ actions: [], identify: identifyOwner });
  const table = useClientPages(credentials.data, { sortValues, initialSort, tieBreak: sortValues.access! });

  const columns = useMemo<ColumnDef<ListedEc2Credential>[]>(
    () => [
      {
        id: 'access',
        header: t('api-access.ec2.columns.access'),
        enableSorting: true,
        cell: ({ row }) => <code className="font-mono text-xs" data-testid="ec2-credential-access">{row.original.access}</code>,
      },
      {
        id: 'project',
        header: t('api-access.ec2.columns.project'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="ec2-credential-project">{projectName(row.original.tenant_id)}</span>,
      },
      {
        id: 'secret',
        header: t('api-access.ec2.columns.secret'),
        enableSorting: false,
        cell: () => <span className="text-xs text-fg-muted">{t('api-access.ec2.secretHidden')}</span>,
      },
      rowActionsColumn({
        header: t('api-access.ec2.columns.actions'),
        label: (credential) => t('api-access.ec2.rowActions', { access: credential.access }),
        items: (credential) => actions.menuItems(credential),
      }),
    ],
    [t, actions, projectName],
  );

  return (
    <section aria-labelledby="api-access-ec2" data-testid="ec2-credentials">
      <div className="mb-3 flex items-start justify-between gap-4">
        <div>
          <h2 id="api-access-ec2" className="text-base font-semibold text-fg">
            {t('api-access.ec2.title')}
          </h2>
          <p className="mt-1 text-sm text-fg-muted">{t('api-access.ec2.intro')}</p>
        </div>
        <Button variant="primary" onClick={() => creation.trigger(createEc2Credential, [owner])} data-testid="create-ec2-credential">
          {t('api-access.ec2.actions.create.label')}
        </Button>
      </div>
      <ActionFailures failures={[...creation.failures, ...actions.failures]} onDismiss={(key) => (creation.dismissFailure(key), actions.dismissFailure(key))} />
      <DataTable
        testId="ec2-credentials-table"
        label={t('api-access.ec2.title')}
        columns={columns}
        rows={table.rows}
        rowId={(credential) => credential.access}
        rowName={(credential) => credential.access}
        sorting={table.sorting}
        onSortingChange={table.onSortingChange}
        pagination={table.pagination}
        placeholder={listPlaceholder({ query: credentials, empty: table.rows.length === 0, loading: t('api-access.ec2.loading'), emptyTitle: t('api-access.ec2.empty') })}
      />
      {creation.dialogElement}
      {actions.dialogElement}
    </section>
  );
}
