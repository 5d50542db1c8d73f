import { DEMAND_MIGRATIONS, DemandModule } from '@jiebang/demand';
import { DemoModule, DemoSeeder } from '@jiebang/demo';
import { IDENTITY_MIGRATIONS, IdentityModule } from '@jiebang/identity';
import { MATCHING_MIGRATIONS, MatchingModule } from '@jiebang/matching';
import { NOTIFICATIONS_MIGRATIONS, NotificationsModule } from '@jiebang/notifications';
import { SEARCH_MIGRATIONS, SearchModule } from '@jiebang/search';
import { APP_CONFIG, type AppConfig, type ServiceDefinition } from '@jiebang/platform';

/** Every context in one process: the embedded default behind `npm start`. */
export const marketplace: ServiceDefinition = {
  name: 'marketplace',
  defaultPort: 3000,
  servesWeb: true,
  contexts: [IdentityModule, DemandModule, SearchModule, MatchingModule, NotificationsModule, DemoModule],
  migrations: [
    ...IDENTITY_MIGRATIONS,
    ...DEMAND_MIGRATIONS,
    ...SEARCH_MIGRATIONS,
    ...MATCHING_MIGRATIONS,
    ...NOTIFICATIONS_MIGRATIONS,
  ],
  // The first start on an empty database loads the demo programme and prints its accounts (SEED_DEMO, on by default only in development).
  beforeListen: async (app) => {
    if (app.get<AppConfig>(APP_CONFIG).demo.seedWhenEmpty) await app.get(DemoSeeder).seedIfEmpty();
  },
};
