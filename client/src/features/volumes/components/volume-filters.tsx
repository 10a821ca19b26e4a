// The list's filters, applied together (one Cinder request) and kept in the URL. Cinder has no volume type filter
// for a project, and says "attached" through the status (in-use): the form offers what Cinder filters on.
import { useTranslation } from 'react-i18next';
import { FilterForm } from '../../../lib/ui/filter-form';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useAvailableZones } from '../../../resources/availability-zones/availability-zones';
import { attachments, filterNames, statuses, type ListState } from '../../../resources/volumes/list-state';
import { volumeStatusLabel } from '../../../resources/volumes/volume-state';

export function VolumeFilters({ filters, onApply }: { filters: ListState['filters']; onApply: (filters: ListState['filters']) => void }) {
  const { t } = useTranslation();
  const zones = useAvailableZones('block-storage');
  return (
    <FilterForm names={filterNames} filters={filters} onApply={onApply} label={t('volumes.list.filters')} applyLabel={t('volumes.list.apply')}>
      {(bind) => (
        <>
          <TextField label={t('volumes.list.filter.name')} {...bind('name')} testId="filter-name" />
          <SelectField
            label={t('volumes.columns.status')}
            {...bind('status')}
            placeholder={t('volumes.list.filter.any')}
            options={statuses.map((status) => ({ value: status, label: t(volumeStatusLabel(status)) }))}
            testId="filter-status"
          />
          <SelectField
            label={t('volumes.list.filter.attachment')}
            {...bind('attached')}
            placeholder={t('volumes.list.filter.any')}
            options={attachments.map((attachment) => ({ value: attachment, label: t(`volumes.list.filter.values.${attachment}`) }))}
            testId="filter-attached"
          />
          <SelectField
            label={t('volumes.columns.bootable')}
            {...bind('bootable')}
            placeholder={t('volumes.list.filter.any')}
            options={[
              { value: 'true', label: t('volumes.yes') },
              { value: 'false', label: t('volumes.no') },
            ]}
            testId="filter-bootable"
          />
          <SelectField
            label={t('volumes.columns.availability_zone')}
            {...bind('availability_zone')}
            placeholder={t('volumes.list.filter.any')}
            options={(zones.data ?? []).map((zone) => ({ value: zone, label: zone }))}
            testId="filter-zone"
          />
        </>
      )}
    </FilterForm>
  );
}
