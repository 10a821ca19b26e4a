// Types the stack launch and update strings: `t('stack-launch.…')` keys are checked against the English catalog.
import type en from './locales/en.json';

declare module '../../lib/i18n' {
  interface FeatureCatalogs {
    'stack-launch': typeof en;
  }
}
