import type { DynamicModule, Type } from '@nestjs/common';
import type { MigrationClass } from '../database/migrations';

/** What an app is: its name, default port, the context modules it hosts and their migrations. */
export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  contexts: Array<Type<unknown> | DynamicModule>;
  migrations: MigrationClass[];
}
