// The list's filters, applied together (one request) and kept in the URL. Flavor and image choices are loaded
// only when the user opens them, so a plain list page costs no flavors or images call.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { useFlavors } from '../../../resources/flavors/flavors';
import { useImages } from '../../../resources/images/images';
import { filterNames, type FilterName, type ListState } from '../../../resources/servers/list-state';
import { statusLabel } from '../../../resources/servers/server-state';

const statusChoices = ['ACTIVE', 'BUILD', 'ERROR', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'SHELVED_OFFLOADED', 'RESCUE', 'VERIFY_RESIZE', 'REBOOT', 'HARD_REBOOT'] as const;

const inputClass = 'mt-1 block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-fg';

function ChoiceLists({ filters, set }: { filters: ListState['filters']; set: (name: FilterName, value: string) => void }) {
  const { t } = useTranslation();
  const flavors = useFlavors();
  const images = useImages({ status: 'active' });
  return (
    <>
      <label className="text-sm text-fg-muted">
        {t('instances.list.filter.flavor')}
        <select className={inputClass} value={filters.flavor ?? ''} onChange={(event) => set('flavor', event.target.value)} data-testid="filter-flavor">
          <option value="">—</option>
          {(flavors.data ?? []).map((flavor) => (
            <option key={flavor.id} value={flavor.id}>
              {flavor.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-fg-muted">
        {t('instances.list.filter.image')}
        <select className={inputClass} value={filters.image ?? ''} onChange={(event) => set('image', event.target.value)} data-testid="filter-image">
          <option value="">—</option>
          {(images.data ?? []).map((image) => (
            <option key={image.id} value={image.id}>
              {image.name ?? image.id}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

export function InstanceFilters({ filters, onApply }: { filters: ListState['filters']; onApply: (filters: ListState['filters']) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const [showChoices, setShowChoices] = useState(Boolean(filters.flavor || filters.image));
  // The URL changed under us (back button, a link): show what it says.
  const [applied, setApplied] = useState(filters);
  if (applied !== filters) {
    setApplied(filters);
    setDraft(filters);
  }
  const set = (name: FilterName, value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const apply = () =>
    onApply(Object.fromEntries(filterNames.flatMap((name) => (draft[name]?.trim() ? [[name, draft[name].trim()]] : []))));

  return (
    <form
      role="search"
      aria-label={t('instances.list.filters')}
      className="mb-4 grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] items-end gap-3 rounded-lg border border-line bg-surface p-3"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label className="text-sm text-fg-muted">
        {t('instances.list.filter.name')}
        <input className={inputClass} value={draft.name ?? ''} onChange={(event) => set('name', event.target.value)} data-testid="filter-name" />
      </label>
      <label className="text-sm text-fg-muted">
        {t('instances.list.filter.status')}
        <select className={inputClass} value={draft.status ?? ''} onChange={(event) => set('status', event.target.value)} data-testid="filter-status">
          <option value="">{t('instances.list.anyStatus')}</option>
          {statusChoices.map((status) => (
            <option key={status} value={status}>
              {t(statusLabel(status))}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-fg-muted">
        {t('instances.list.filter.ip')}
        <input className={inputClass} value={draft.ip ?? ''} onChange={(event) => set('ip', event.target.value)} data-testid="filter-ip" />
      </label>
      <label className="text-sm text-fg-muted">
        {t('instances.list.filter.availability_zone')}
        <input className={inputClass} value={draft.availability_zone ?? ''} onChange={(event) => set('availability_zone', event.target.value)} data-testid="filter-az" />
      </label>
      {showChoices && <ChoiceLists filters={draft} set={set} />}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" data-testid="apply-filters">
          {t('instances.list.apply')}
        </Button>
        {!showChoices && (
          <Button onClick={() => setShowChoices(true)} data-testid="more-filters" className="whitespace-nowrap">
            {t('instances.list.moreFilters')}
          </Button>
        )}
      </div>
    </form>
  );
}
