import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Number formatting in the UI's language (1,024 in English, 1 024 in French). */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { maximumFractionDigits: 1 });
  return (value: number) => format.format(value);
}

/** A date and time in the UI's language, as the pages show them ("7 Dec 2026, 14:05"); the same function until the language changes. */
export function useDateTimeFormat(): (value: Date | string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return (value: Date | string) => format.format(typeof value === 'string' ? new Date(value) : value);
  }, [language]);
}
