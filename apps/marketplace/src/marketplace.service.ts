import { DEMAND_MIGRATIONS, DemandModule } from '@jiebang/demand';
import { IDENTITY_MIGRATIONS, IdentityModule } from '@jiebang/identity';
import type { ServiceDefinition } from '@jiebang/platform';

/** Every context in one process: the embedded default behind `npm start`. */
export const marketplace: ServiceDefinition = {
  name: 'marketplace',
  defaultPort: 3000,
  contexts: [IdentityModule, DemandModule],
  migrations: [...IDENTITY_MIGRATIONS, ...DEMAND_MIGRATIONS],
};
