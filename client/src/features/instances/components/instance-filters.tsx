// The list's filters, applied together (one request) and kept in the URL. Flavor and image choices are loaded
// only when the user opens them, so a plain list page costs no flavors or images call.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { FilterForm, type FilterBinding } from '../../../lib/ui/filter-form';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useFlavors } from '../../../resources/flavors/flavors';
import { useImages } from '../../../resources/images/images';
import { filterNames, type FilterName, type ListState } from '../../../resources/servers/list-state';
import { statusLabel } from '../../../resources/servers/server-state';

const statusChoices = ['ACTIVE', 'BUILD', 'ERROR', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'SHELVED_OFFLOADED', 'RESCUE', 'VERIFY_RESIZE', 'REBOOT', 'HARD_REBOOT'] as const;

function ChoiceLists({ bind }: { bind: (name: FilterName) => FilterBinding }) {
  const { t } = useTranslation();
  const flavors = useFlavors();
  const images = useImages({ status: 'active' });
  return (
    <>
      <SelectField
        label={t('instances.list.filter.flavor')}
        {...bind('flavor')}
        placeholder="—"
        options={(flavors.data ?? []).map((flavor) => ({ value: flavor.id, label: flavor.name }))}
        testId="filter-flavor"
      />
      <SelectField
        label={t('instances.list.filter.image')}
        {...bind('image')}
        placeholder="—"
        options={(images.data ?? []).map((image) => ({ value: image.id, label: image.name ?? image.id }))}
        testId="filter-image"
      />
    </>
  );
}

export function InstanceFilters({ filters, onApply }: { filters: ListState['filters']; onApply: (filters: ListState['filters']) => void }) {
  const { t } = useTranslation();
  const [showChoices, setShowChoices] = useState(Boolean(filters.flavor || filters.image));
  return (
    <FilterForm
      names={filterNames}
      filters={filters}
      onApply={onApply}
      label={t('instances.list.filters')}
      applyLabel={t('instances.list.apply')}
      buttons={
        !showChoices && (
          <Button onClick={() => setShowChoices(true)} data-testid="more-filters" className="whitespace-nowrap">
            {t('instances.list.moreFilters')}
          </Button>
        )
      }
    >
      {(bind) => (
        <>
          <TextField label={t('instances.list.filter.name')} {...bind('name')} testId="filter-name" />
          <SelectField
            label={t('instances.list.filter.status')}
            {...bind('status')}
            placeholder={t('instances.list.anyStatus')}
            options={statusChoices.map((status) => ({ value: status, label: t(statusLabel(status)) }))}
            testId="filter-status"
          />
          <TextField label={t('instances.list.filter.ip')} {...bind('ip')} testId="filter-ip" />
          <TextField label={t('instances.list.filter.availability_zone')} {...bind('availability_zone')} testId="filter-az" />
          {showChoices && <ChoiceLists bind={bind} />}
        </>
      )}
    </FilterForm>
  );
}
