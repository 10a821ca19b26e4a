// Types the load balancers catalog into t() keys (see lib/i18n.ts FeatureCatalogs).
import type en from './locales/en.json';

declare module '../../lib/i18n' {
  interface FeatureCatalogs {
    'load-balancers': typeof en;
  }
}
