// Byte counts and durations as the progress bar shows them, in the UI's language.
import { useTranslation } from 'react-i18next';

const byteUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export function useTransferFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return {
    bytes(value: number): string {
      let unit = 0;
      while (value >= 1024 && unit < byteUnits.length - 1) {
        value /= 1024;
        unit++;
      }
      return `${number.format(value)} ${byteUnits[unit]}`;
    },
    duration(seconds: number): string {
      const whole = Math.ceil(seconds);
      const minutes = Math.floor(whole / 60);
      const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
        new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
      if (minutes >= 60) return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`;
      if (minutes > 0) return `${unit(minutes, 'minute')} ${unit(whole % 60, 'second')}`;
      return unit(whole, 'second');
    },
  };
}
