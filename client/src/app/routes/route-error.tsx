import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Button } from '../../lib/ui/button';
import { ErrorNotice } from '../../lib/ui/error-notice';

/** A page that failed to render or load (a chunk gone after an upgrade, a bug): say so, offer a reload. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="mb-3 text-lg font-semibold">{t('app.pageFailed')}</h1>
      <ErrorNotice error={error} />
      <Button className="mt-4" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </main>
  );
}
