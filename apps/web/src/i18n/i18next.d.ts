import 'i18next';
import type { zhResources } from './index';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof zhResources;
  }
}
