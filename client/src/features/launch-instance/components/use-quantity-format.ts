// Quantities as the wizard shows them: RAM in MiB or GiB, "unlimited" for an unlimited quota.
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../lib/format';

export function useQuantityFormat() {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const mebibytes = (value: number) => (value >= 1024 ? `${number(value / 1024)} GiB` : `${number(value)} MiB`);
  return {
    number,
    mebibytes,
    gibibytes: (value: number) => `${number(value)} GiB`,
    bytes: (value: number) => (value >= 1024 ** 2 ? mebibytes(value / 1024 ** 2) : `${number(value / 1024)} KiB`),
    limit: (value: number, format: (value: number) => string = number) =>
      Number.isFinite(value) ? format(value) : t('launch-instance.unlimited'),
  };
}
