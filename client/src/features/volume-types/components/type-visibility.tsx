// Public or private, as one word; data-public keeps Cinder's boolean for tests.
import { useTranslation } from 'react-i18next';
import type { VolumeType } from '../../../resources/volume-types/types';

export function TypeVisibility({ type }: { type: VolumeType }) {
  const { t } = useTranslation();
  return (
    <span data-testid="type-visibility" data-public={String(type.is_public)}>
      {t(type.is_public ? 'volume-types.public' : 'volume-types.private')}
    </span>
  );
}

export function ExtraSpecList({ specs }: { specs: Readonly<Record<string, string>> | undefined }) {
  const { t } = useTranslation();
  const entries = Object.entries(specs ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="text-fg-muted">{t('volume-types.specs.none')}</span>;
  return (
    <ul className="space-y-0.5" data-testid="type-extra-specs">
      {entries.map(([key, value]) => (
        <li key={key} className="font-mono text-xs" data-testid="extra-spec" data-key={key}>
          {key}={value}
        </li>
      ))}
    </ul>
  );
}
