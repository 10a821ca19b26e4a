// What a search did, under its matches: which types were searched in the browser (no service filter for the kind),
// which only by exact name, which across all projects, and which failed.
import { useTranslation } from 'react-i18next';
import type { SearchOutcome } from '../run-search';
import type { SearchType } from '../search-sources';

export function useTypeList() {
  const { t, i18n } = useTranslation();
  return (types: readonly SearchType[]) =>
    new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(types.map((type) => t(`search.types.${type}`)));
}

export function SearchNotes({ outcome, everywhere }: { outcome: SearchOutcome; everywhere: boolean }) {
  const { t } = useTranslation();
  const list = useTypeList();
  const typesWhere = (keep: (entry: SearchOutcome['searched'][number]) => boolean) => outcome.searched.filter(keep).map((entry) => entry.type);
  const inBrowser = typesWhere((entry) => entry.method === 'client');
  const exactName = typesWhere((entry) => entry.method === 'exactName');
  const across = typesWhere((entry) => entry.everywhere);
  const notes = [
    inBrowser.length > 0 && t('search.notes.inBrowser', { types: list(inBrowser) }),
    exactName.length > 0 && t('search.notes.exactName', { types: list(exactName) }),
    everywhere && (across.length > 0 ? t('search.notes.everywhere', { types: list(across) }) : t('search.notes.everywhereNone')),
    outcome.notLoaded > 0 && t('search.notes.notLoaded', { count: outcome.notLoaded }),
    outcome.failures.length > 0 &&
      t('search.notes.failed', { types: list(outcome.failures.map((failure) => failure.type)), message: outcome.failures[0]!.error.message }),
  ].filter((note): note is string => typeof note === 'string');
  if (notes.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs text-fg-muted" data-testid="search-notes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
