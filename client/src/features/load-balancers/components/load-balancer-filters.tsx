// The list's filters, applied together (one Octavia request, each an equality on an attribute) and kept in the URL.
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { FilterForm } from '../../../lib/ui/filter-form';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { filterNames, type ListState } from '../../../resources/load-balancers/list-state';

const provisioningStatuses = ['ACTIVE', 'PENDING_CREATE', 'PENDING_UPDATE', 'PENDING_DELETE', 'ERROR'] as const;
const operatingStatuses = ['ONLINE', 'OFFLINE', 'DEGRADED', 'ERROR', 'NO_MONITOR'] as const;

export function LoadBalancerFilters({ filters, onApply }: { filters: ListState['filters']; onApply: (filters: ListState['filters']) => void }) {
  const { t } = useTranslation();
  return (
    <FilterForm names={filterNames} filters={filters} onApply={onApply} label={t('load-balancers.list.filters')} applyLabel={t('load-balancers.list.apply')}>
      {(bind) => (
        <>
          <TextField label={t('load-balancers.fields.name')} {...bind('name')} testId="filter-name" />
          <TextField label={t('load-balancers.columns.vip')} {...bind('vip_address')} testId="filter-vip" />
          <SelectField
            label={t('load-balancers.columns.provisioning')}
            {...bind('provisioning_status')}
            placeholder={t('load-balancers.list.any')}
            options={provisioningStatuses.map((status) => ({ value: status, label: t(`load-balancers.provisioning.${status}` as ParseKeys) }))}
            testId="filter-provisioning"
          />
          <SelectField
            label={t('load-balancers.columns.operating')}
            {...bind('operating_status')}
            placeholder={t('load-balancers.list.any')}
            options={operatingStatuses.map((status) => ({ value: status, label: t(`load-balancers.operating.${status}` as ParseKeys) }))}
            testId="filter-operating"
          />
        </>
      )}
    </FilterForm>
  );
}
