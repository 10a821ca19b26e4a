// The user's application credentials (Keystone never lists their secrets), with create (the secret and a
// clouds.yaml shown once, in the dialog) and delete.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../../../lib/format';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { Button } from '../../../lib/ui/button';
import { rowActionsColumn } from '../../../lib/ui/columns';
import { DataTable } from '../../../lib/ui/data-table';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import { useApplicationCredentials } from '../../../resources/application-credentials/application-credentials';
import type { OwnedApplicationCredential } from '../../../resources/application-credentials/types';
import { applicationCredentialActions, createApplicationCredential, identifyApplicationCredential, identifyOwner } from '../actions';
import type { CredentialOwner } from '../credential-owner';

const sortValues: Record<string, SortValue<OwnedApplicationCredential>> = {
  name: (credential) => credential.name,
  project: (credential) => credential.project_id,
  expires: (credential) => credential.expires_at ?? '9999',
};
const initialSort = { id: 'name', desc: false };

export function ApplicationCredentialsSection({ owner, projectName }: { owner: CredentialOwner; projectName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const dateTime = useDateTimeFormat();
  const credentials = useApplicationCredentials(owner.userId);
  const actions = useResourceActions({ actions: applicationCredentialActions, identify: identifyApplicationCredential });
  const creation = useResourceActions<CredentialOwner>({ actions: [], identify: identifyOwner });
  const table = useClientPages(credentials.data, { sortValues, initialSort, tieBreak: sortValues.name! });

  const columns = useMemo<ColumnDef<OwnedApplicationCredential>[]>(() => {
    // Keystone writes expires_at in UTC without a zone.
    const expiry = (value: string | null) => (value ? dateTime(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`) : t('api-access.appCredentials.never'));
    return [
      {
        id: 'name',
        header: t('api-access.appCredentials.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <div>
            <span className="font-medium text-fg" data-testid="application-credential-name">{row.original.name}</span>
            {row.original.description && <span className="block text-xs text-fg-muted">{row.original.description}</span>}
          </div>
        ),
      },
      {
        id: 'project',
        header: t('api-access.appCredentials.columns.project'),
        enableSorting: true,
        cell: ({ row }) => projectName(row.original.project_id),
      },
      {
        id: 'roles',
        header: t('api-access.appCredentials.columns.roles'),
        enableSorting: false,
        cell: ({ row }) => <span data-testid="application-credential-roles">{row.original.roles.map((role) => role.name).sort().join(', ')}</span>,
      },
      {
        id: 'expires',
        header: t('api-access.appCredentials.columns.expires'),
        enableSorting: true,
        cell: ({ row }) => expiry(row.original.expires_at),
      },
      {
        id: 'restrictions',
        header: t('api-access.appCredentials.columns.restrictions'),
        enableSorting: false,
        cell: ({ row }) => (
          <div className="space-y-0.5 text-xs">
            {row.original.unrestricted && <span className="block font-medium text-danger" data-testid="application-credential-unrestricted">{t('api-access.appCredentials.unrestricted')}</span>}
            {row.original.access_rules?.length ? (
              <ul data-testid="application-credential-rules">
                {row.original.access_rules.map((rule, index) => (
                  <li key={rule.id ?? index} className="font-mono">{`${rule.method} ${rule.service} ${rule.path}`}</li>
                ))}
              </ul>
            ) : (
              <span className="text-fg-muted">{t('api-access.appCredentials.anyCall')}</span>
            )}
          </div>
        ),
      },
      rowActionsColumn({
        header: t('api-access.appCredentials.columns.actions'),
        label: (credential) => t('api-access.appCredentials.rowActions', { name: credential.name }),
        items: (credential) => actions.menuItems(credential),
      }),
    ];
  }, [t, dateTime, actions, projectName]);

  return (
    <section aria-labelledby="api-access-application-credentials" data-testid="application-credentials">
      <div className="mb-3 flex items-start justify-between gap-4">
        <div>
          <h2 id="api-access-application-credentials" className="text-base font-semibold text-fg">
            {t('api-access.appCredentials.title')}
          </h2>
          <p className="mt-1 text-sm text-fg-muted">{t('api-access.appCredentials.intro', { project: owner.name })}</p>
        </div>
        <Button variant="primary" onClick={() => creation.trigger(createApplicationCredential, [owner])} data-testid="create-application-credential">
          {t('api-access.appCredentials.actions.create.label')}
        </Button>
      </div>
      <ActionFailures failures={[...creation.failures, ...actions.failures]} onDismiss={(key) => (creation.dismissFailure(key), actions.dismissFailure(key))} />
      <DataTable
        testId="application-credentials-table"
        label={t('api-access.appCredentials.title')}
        columns={columns}
        rows={table.rows}
        rowId={(credential) => credential.id}
        rowName={(credential) => credential.name}
        sorting={table.sorting}
        onSortingChange={table.onSortingChange}
        pagination={table.pagination}
        placeholder={listPlaceholder({ query: credentials, empty: table.rows.length === 0, loading: t('api-access.appCredentials.loading'), emptyTitle: t('api-access.appCredentials.empty') })}
      />
      {creation.dialogElement}
      {actions.dialogElement}
    </section>
  );
}
