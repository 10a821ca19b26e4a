// The list's filters, applied together (one Heat request) and kept in the URL: Heat filters stacks by exact name and
// by status (sent as its action and outcome columns, resources/stacks/list-state.ts).
import { useTranslation } from 'react-i18next';
import { FilterForm } from '../../../lib/ui/filter-form';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { filterNames, statuses, type ListState } from '../../../resources/stacks/list-state';
import { useHeatStatusLabel } from './stack-status';

export function StackFilters({ filters, onApply }: { filters: ListState['filters']; onApply: (filters: ListState['filters']) => void }) {
  const { t } = useTranslation();
  const statusLabel = useHeatStatusLabel();
  return (
    <FilterForm names={filterNames} filters={filters} onApply={onApply} label={t('stacks.list.filters')} applyLabel={t('stacks.list.apply')}>
      {(bind) => (
        <>
          <TextField label={t('stacks.list.filter.name')} {...bind('name')} testId="filter-name" />
          <SelectField
            label={t('stacks.columns.status')}
            {...bind('status')}
            placeholder={t('stacks.list.filter.any')}
            options={statuses.map((status) => ({ value: status, label: statusLabel(status) }))}
            testId="filter-status"
          />
        </>
      )}
    </FilterForm>
  );
}
