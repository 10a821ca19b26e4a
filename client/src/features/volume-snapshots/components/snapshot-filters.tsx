// The list's filters, applied together (one Cinder request) and kept in the URL. The volume is chosen by name among
// the project's volumes (the list already reads them for its volume column).
import { useTranslation } from 'react-i18next';
import { FilterForm } from '../../../lib/ui/filter-form';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { filterNames, statuses, type ListState } from '../../../resources/volume-snapshots/list-state';
import type { Volume } from '../../../resources/volumes/types';

export function SnapshotFilters({
  filters,
  onApply,
  volumes,
}: {
  filters: ListState['filters'];
  onApply: (filters: ListState['filters']) => void;
  volumes: readonly Volume[];
}) {
  const { t } = useTranslation();
  // A filter on a volume the list no longer has (deleted since the link was made) still shows as its id.
  const known = volumes.some((volume) => volume.id === filters.volume);
  const volumeOptions = [
    ...volumes.map((volume) => ({ value: volume.id, label: volume.name || volume.id })),
    ...(filters.volume && !known ? [{ value: filters.volume, label: filters.volume }] : []),
  ];
  return (
    <FilterForm names={filterNames} filters={filters} onApply={onApply} label={t('volume-snapshots.list.filters')} applyLabel={t('volume-snapshots.list.apply')}>
      {(bind) => (
        <>
          <TextField label={t('volume-snapshots.list.filter.name')} {...bind('name')} testId="filter-name" />
          <SelectField
            label={t('volume-snapshots.columns.status')}
            {...bind('status')}
            placeholder={t('volume-snapshots.list.filter.any')}
            options={statuses.map((status) => ({ value: status, label: t(`volume-snapshots.status.${status}`) }))}
            testId="filter-status"
          />
          <SelectField
            label={t('volume-snapshots.columns.volume')}
            {...bind('volume')}
            placeholder={t('volume-snapshots.list.filter.anyVolume')}
            options={volumeOptions}
            testId="filter-volume"
          />
        </>
      )}
    </FilterForm>
  );
}
