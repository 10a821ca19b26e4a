// The list's filters, applied together (one Glance request) and kept in the URL.
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { FilterForm } from '../../../lib/ui/filter-form';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { diskFormats, filterNames, statuses, visibilities, type ListState } from '../../../resources/images/list-state';

export function ImageFilters({ filters, onApply }: { filters: ListState['filters']; onApply: (filters: ListState['filters']) => void }) {
  const { t } = useTranslation();
  return (
    <FilterForm names={filterNames} filters={filters} onApply={onApply} label={t('images.list.filters')} applyLabel={t('images.list.apply')}>
      {(bind) => (
        <>
          <TextField label={t('images.list.filter.name')} {...bind('name')} testId="filter-name" />
          <SelectField
            label={t('images.columns.visibility')}
            {...bind('visibility')}
            placeholder={t('images.list.filter.any')}
            options={visibilities.map((visibility) => ({ value: visibility, label: t(`images.visibility.${visibility}`) }))}
            testId="filter-visibility"
          />
          <SelectField
            label={t('images.columns.status')}
            {...bind('status')}
            placeholder={t('images.list.filter.any')}
            options={statuses.map((status) => ({ value: status, label: t(`resources.images.status.${status}`) }))}
            testId="filter-status"
          />
          <SelectField
            label={t('images.columns.disk_format')}
            {...bind('disk_format')}
            placeholder={t('images.list.filter.any')}
            options={diskFormats.map((format) => ({ value: format, label: format }))}
            testId="filter-disk-format"
          />
          <CheckboxField
            label={t('images.list.filter.mine')}
            checked={bind('mine').value !== ''}
            onChange={(checked) => bind('mine').onChange(checked ? '1' : '')}
            testId="filter-mine"
            className="self-center pt-5"
          />
        </>
      )}
    </FilterForm>
  );
}
