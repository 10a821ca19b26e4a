import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../search-sources';

/** Where a match of another project or region lives: opening it switches the session there. */
export function ElsewhereNote({ elsewhere }: { elsewhere: NonNullable<SearchHit['elsewhere']> }) {
  const { t } = useTranslation();
  return <span className="ml-auto shrink-0 text-xs text-fg-muted">{t('search.elsewhere', { project: elsewhere.projectName, region: elsewhere.region })}</span>;
}
