import type { Provider } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { meiliHttpClient } from './meili-http';

export const MEILI_CLIENT = Symbol('MEILI_CLIENT');

export const meiliClientProvider: Provider = {
  provide: MEILI_CLIENT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    new Meilisearch({ host: config.meili.url, apiKey: config.meili.apiKey, httpClient: meiliHttpClient() }),
};
