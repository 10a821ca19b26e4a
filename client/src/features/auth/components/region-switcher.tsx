import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon, GlobeIcon } from '../../../lib/ui/icons';

interface RegionSwitcherProps {
  region: string;
  regions: readonly string[];
  switching: boolean;
  onSelect: (region: string) => void;
}

export function RegionSwitcher({ region, regions, switching, onSelect }: RegionSwitcherProps) {
  const { t } = useTranslation();
  const selectId = useId();
  // The session's region is listed even if the catalog's list somehow lacks it.
  const options = regions.includes(region) ? regions : [region, ...regions];
  return (
    <div className="relative flex h-10 items-center gap-2 rounded-md px-2 hover:bg-sunken has-[select:focus-visible]:outline-2 has-[select:focus-visible]:outline-focus">
      <GlobeIcon className="size-4 shrink-0 text-fg-muted" />
      <div className="min-w-0">
        <label htmlFor={selectId} className="block text-[11px] leading-3 font-medium tracking-wide text-fg-muted uppercase">
          {t('region.label')}
        </label>
        <select
          id={selectId}
          data-testid="region-switcher"
          value={region}
          disabled={switching || options.length < 2}
          onChange={(event) => onSelect(event.target.value)}
          className="block cursor-pointer appearance-none bg-transparent pr-5 text-sm leading-5 font-semibold text-fg focus-visible:outline-none disabled:cursor-default disabled:opacity-100"
        >
          {options.map((name) => (
            <option key={name} value={name} className="bg-surface text-fg">
              {name}
            </option>
          ))}
        </select>
      </div>
      {options.length > 1 && <ChevronDownIcon className="pointer-events-none absolute right-2 size-4 text-fg-muted" />}
    </div>
  );
}
