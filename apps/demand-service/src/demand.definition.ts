import { DEMAND_MIGRATIONS, DemandModule } from '@jiebang/demand';
import { IDENTITY_MIGRATIONS, IdentityModule } from '@jiebang/identity';
import type { ServiceDefinition } from '@jiebang/platform';

/** Identity and (with its issue) demand: the system of record for accounts and needs. */
export const demandService: ServiceDefinition = {
  name: 'demand-service',
  defaultPort: 3001,
  contexts: [IdentityModule, DemandModule],
  migrations: [...IDENTITY_MIGRATIONS, ...DEMAND_MIGRATIONS],
};
