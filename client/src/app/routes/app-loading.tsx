import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../lib/ui/loading-state';

export function AppLoading() {
  const { t } = useTranslation();
  return (
    <main className="flex min-h-screen items-center justify-center">
      <LoadingState label={t('app.loading')} />
    </main>
  );
}
