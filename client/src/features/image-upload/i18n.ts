// Types the upload form's strings: `t('image-upload.…')` keys are checked against the English catalog.
import type en from './locales/en.json';

declare module '../../lib/i18n' {
  interface FeatureCatalogs {
    'image-upload': typeof en;
  }
}
