// All my floating IPs: every floating IP of every project the user can scope to, in every region
// (everywhere-list.tsx). Read only, like All my volumes.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import type { ParseKeys } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { neutronStatusTone, StatusDot } from '../../../lib/ui/status-dot';
import type { SortValue } from '../../../lib/ui/use-client-pages';
import { everywhereFloatingIpsQueryOptions, type EverywhereRow } from '../../../resources/everywhere/everywhere';
import type { FloatingIp } from '../../../resources/floating-ips/types';
import { EverywhereList } from './everywhere-list';

type Row = EverywhereRow<FloatingIp>;

const address = (ip: FloatingIp) => ip.floating_ip_address;
const sortValues: Record<string, SortValue<Row>> = { address: (row) => row.item.floating_ip_address, status: (row) => row.item.status };
const reads = { commands: [['floating', 'ip', 'list', '--long']], requests: ['/api/everywhere/network/v2.0/floatingips'] };

export function EverywhereFloatingIpsPage() {
  const { t } = useTranslation();
  const read = useQuery(everywhereFloatingIpsQueryOptions());
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: 'address',
        header: t('everywhere.floatingIps.columns.address'),
        enableSorting: true,
        cell: ({ row }) => (
          <span className="font-mono font-medium" data-testid="floating-ip-address">
            {row.original.item.floating_ip_address}
          </span>
        ),
      },
      {
        id: 'status',
        header: t('everywhere.columns.status'),
        enableSorting: true,
        cell: ({ row }) => (
          <StatusDot
            status={row.original.item.status}
            tone={neutronStatusTone(row.original.item.status)}
            label={t(`everywhere.floatingIps.status.${row.original.item.status}` as ParseKeys, { defaultValue: row.original.item.status })}
            testId="floating-ip-status"
          />
        ),
      },
      {
        id: 'fixed',
        header: t('everywhere.floatingIps.columns.fixed'),
        enableSorting: false,
        cell: ({ row }) => <span className="font-mono">{row.original.item.fixed_ip_address ?? '—'}</span>,
      },
      {
        id: 'port',
        header: t('everywhere.floatingIps.columns.attachedTo'),
        enableSorting: false,
        cell: ({ row }) => {
          const details = row.original.item.port_details;
          if (!row.original.item.port_id) return <span className="text-fg-muted">{t('everywhere.floatingIps.free')}</span>;
          return <span className="font-mono text-xs">{details?.device_id ? details.device_id.slice(0, 8) : row.original.item.port_id.slice(0, 8)}</span>;
        },
      },
    ],
    [t],
  );
  return (
    <EverywhereList
      query={read}
      reads={reads}
      words="everywhere.floatingIps"
      columns={columns}
      sortValues={sortValues}
      name={address}
      testIdPrefix="floating-ip"
      tableTestId="everywhere-floating-ips-table"
    />
  );
}
