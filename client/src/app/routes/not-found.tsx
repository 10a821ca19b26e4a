import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../lib/ui/empty-state';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="p-6">
      <h1 className="mb-4 text-xl font-semibold">{t('notFound.title')}</h1>
      <EmptyState title={t('notFound.message')}>
        <Link to="/" className="font-medium text-brand underline">
          {t('notFound.back')}
        </Link>
      </EmptyState>
    </div>
  );
}
