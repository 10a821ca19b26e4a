import { useTranslation } from 'react-i18next';

/** Number formatting in the UI's language (1,024 in English, 1 024 in French). */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { maximumFractionDigits: 1 });
  return (value: number) => format.format(value);
}
