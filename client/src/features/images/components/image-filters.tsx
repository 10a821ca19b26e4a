// The list's filters, applied together (one Glance request) and kept in the URL.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { diskFormats, filterNames, statuses, visibilities, type FilterName, type ListState } from '../../../resources/images/list-state';

const inputClass = 'mt-1 block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-fg';

export function ImageFilters({ filters, onApply }: { filters: ListState['filters']; onApply: (filters: ListState['filters']) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
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
      aria-label={t('images.list.filters')}
      className="mb-4 grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] items-end gap-3 rounded-lg border border-line bg-surface p-3"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label className="text-sm text-fg-muted">
        {t('images.list.filter.name')}
        <input className={inputClass} value={draft.name ?? ''} onChange={(event) => set('name', event.target.value)} data-testid="filter-name" />
      </label>
      <label className="text-sm text-fg-muted">
        {t('images.columns.visibility')}
        <select className={inputClass} value={draft.visibility ?? ''} onChange={(event) => set('visibility', event.target.value)} data-testid="filter-visibility">
          <option value="">{t('images.list.filter.any')}</option>
          {visibilities.map((visibility) => (
            <option key={visibility} value={visibility}>
              {t(`images.visibility.${visibility}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-fg-muted">
        {t('images.columns.status')}
        <select className={inputClass} value={draft.status ?? ''} onChange={(event) => set('status', event.target.value)} data-testid="filter-status">
          <option value="">{t('images.list.filter.any')}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`images.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-fg-muted">
        {t('images.columns.disk_format')}
        <select className={inputClass} value={draft.disk_format ?? ''} onChange={(event) => set('disk_format', event.target.value)} data-testid="filter-disk-format">
          <option value="">{t('images.list.filter.any')}</option>
          {diskFormats.map((format) => (
            <option key={format} value={format}>
              {format}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 self-center pt-5 text-sm text-fg">
        <input type="checkbox" className="size-4 accent-brand" checked={Boolean(draft.mine)} onChange={(event) => set('mine', event.target.checked ? '1' : '')} data-testid="filter-mine" />
        {t('images.list.filter.mine')}
      </label>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" data-testid="apply-filters">
          {t('images.list.apply')}
        </Button>
      </div>
    </form>
  );
}
