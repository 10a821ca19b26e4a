// How a flavor's sizes read: RAM and swap in MiB/GiB, root disk 0 = the image's size (said, not shown as 0).
import { useTranslation } from 'react-i18next';
import type { Flavor } from '../../../resources/flavors/types';

export function useFlavorSizes() {
  const { t } = useTranslation();
  const mib = (value: number) => (value >= 1024 && value % 1024 === 0 ? t('flavors.units.gib', { value: value / 1024 }) : t('flavors.units.mib', { value }));
  return {
    ram: (flavor: Flavor) => mib(flavor.ram),
    disk: (flavor: Flavor) => (flavor.disk === 0 ? t('flavors.imageSize') : t('flavors.units.gib', { value: flavor.disk })),
    ephemeral: (flavor: Flavor) => (flavor['OS-FLV-EXT-DATA:ephemeral'] === 0 ? '—' : t('flavors.units.gib', { value: flavor['OS-FLV-EXT-DATA:ephemeral'] })),
    swap: (flavor: Flavor) => (flavor.swap === 0 ? '—' : mib(flavor.swap)),
  };
}

export function ExtraSpecs({ specs }: { specs: Record<string, string> | undefined }) {
  const entries = Object.entries(specs ?? {});
  if (entries.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <ul className="space-y-0.5 font-mono text-xs" data-testid="flavor-extra-specs">
      {entries.map(([key, value]) => (
        <li key={key}>
          {key}={value}
        </li>
      ))}
    </ul>
  );
}
