// Types the wizard's strings: `t('launch-instance.…')` keys are checked against the English catalog.
import type en from './locales/en.json';

declare module '../../lib/i18n' {
  interface FeatureCatalogs {
    'launch-instance': typeof en;
  }
}
