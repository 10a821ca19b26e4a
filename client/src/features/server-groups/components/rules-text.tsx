// A group's rules as words: Nova's one rule, or a dash when the group has none.
import { useTranslation } from 'react-i18next';
import type { ServerGroup } from '../../../resources/server-groups/types';

export function RulesText({ group, testId }: { group: ServerGroup; testId?: string }) {
  const { t } = useTranslation();
  const maxPerHost = group.rules?.max_server_per_host;
  return (
    <span className={maxPerHost === undefined ? 'text-fg-muted' : undefined} data-testid={testId}>
      {maxPerHost === undefined ? t('server-groups.noRules') : t('server-groups.maxServerPerHost', { count: maxPerHost })}
    </span>
  );
}
