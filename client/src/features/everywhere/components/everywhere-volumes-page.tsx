// All my volumes: every volume of every project the user can scope to, in every region (everywhere-list.tsx). Read
// only: a volume's page and actions work in the session's scope, which its project and region columns name.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortValue } from '../../../lib/ui/use-client-pages';
import { everywhereVolumesQueryOptions, type EverywhereRow } from '../../../resources/everywhere/everywhere';
import { VolumeStatusBadge } from '../../../resources/volumes/components/volume-status';
import type { Volume } from '../../../resources/volumes/types';
import { EverywhereList } from './everywhere-list';

type Row = EverywhereRow<Volume>;

const volumeName = (volume: Volume) => volume.name ?? '';
const sortValues: Record<string, SortValue<Row>> = {
  name: (row) => row.item.name ?? '',
  status: (row) => row.item.status,
  size: (row) => row.item.size,
};
const reads = { commands: [['volume', 'list', '--long']], requests: ['/api/everywhere/block-storage/volumes/detail'] };

export function EverywhereVolumesPage() {
  const { t } = useTranslation();
  const read = useQuery(everywhereVolumesQueryOptions());
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: 'name',
        header: t('everywhere.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <span className="font-medium" data-testid="volume-name">
            {row.original.item.name || row.original.item.id}
          </span>
        ),
      },
      { id: 'status', header: t('everywhere.columns.status'), enableSorting: true, cell: ({ row }) => <VolumeStatusBadge status={row.original.item.status} /> },
      {
        id: 'size',
        header: t('everywhere.volumes.columns.size'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="volume-size">{t('everywhere.volumes.gib', { size: row.original.item.size })}</span>,
      },
      { id: 'type', header: t('everywhere.volumes.columns.type'), enableSorting: false, cell: ({ row }) => row.original.item.volume_type ?? '—' },
      {
        id: 'attached',
        header: t('everywhere.volumes.columns.attached'),
        enableSorting: false,
        cell: ({ row }) => {
          const attachments = row.original.item.attachments;
          if (attachments.length === 0) return <span className="text-fg-muted">—</span>;
          return <span className="font-mono text-xs">{attachments.map((attachment) => `${attachment.server_id.slice(0, 8)} ${attachment.device ?? ''}`.trim()).join(', ')}</span>;
        },
      },
    ],
    [t],
  );
  return (
    <EverywhereList
      query={read}
      reads={reads}
      words="everywhere.volumes"
      columns={columns}
      sortValues={sortValues}
      name={volumeName}
      testIdPrefix="volume"
      tableTestId="everywhere-volumes-table"
    />
  );
}
