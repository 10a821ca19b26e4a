// Under the removal's confirmation: what it does to the user's next sign-in, said plainly.
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../lib/ui/icons';
import { Notice } from '../../../lib/ui/notice';
import { removalConsequence, type OwnTotpCredential } from '../totp-credential';

export function TotpRemovalConsequence({ resources }: { resources: readonly OwnTotpCredential[] }) {
  const { t } = useTranslation();
  const consequence = removalConsequence(resources);
  if (consequence.kind === 'lockedOut') {
    return (
      <div role="alert" data-testid="totp-removal-lockout" className="flex gap-2 rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-fg">
        <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
        <div className="space-y-1">
          <p className="font-medium">{t('account.totp.remove.lockedOut', { rules: consequence.rules.map((rule) => rule.join(' + ')).join(t('account.totp.or')) })}</p>
          <p>{t('account.totp.remove.lockedOutHow')}</p>
        </div>
      </div>
    );
  }
  return (
    <Notice testId="totp-removal-consequence">
      {consequence.kind === 'othersLeft' ? t('account.totp.remove.othersLeft', { count: consequence.count }) : t('account.totp.remove.notRequired')}
    </Notice>
  );
}
