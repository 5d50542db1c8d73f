import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { MigrationClass } from '../database/migrations';

/** What an app is: its name, default port, the context modules it hosts and their migrations. */
export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  contexts: Array<Type<unknown> | DynamicModule>;
  migrations: MigrationClass[];
  /** Serves the built web app (`config.web.dir`) at `/`, with every non-API path falling back to it. */
  servesWeb?: boolean;
  /** Runs after migrations and before the service listens (e.g. seeding an empty database). */
  beforeListen?: (app: INestApplication) => Promise<void>;
}
