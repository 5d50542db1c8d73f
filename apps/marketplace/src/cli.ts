import 'reflect-metadata';
import { DemoSeeder } from '@jiebang/demo';
import { UsersService } from '@jiebang/identity';
import { SearchOperations } from '@jiebang/search';
import { EventBus, runCommand } from '@jiebang/platform';
import { parseArgs } from 'node:util';
import { marketplace } from './marketplace.definition';

const USAGE = `usage:
  npm run migrate                                    apply pending migrations of every context
  npm run seed                                       load the demo programme into an empty database
  npm run reindex                                    rebuild the search indexes (needs, teams) from PostgreSQL and swap them in
  npm run search:check                               compare PostgreSQL and the index and repair drift
  npm run admin:create -- --email E --password P     create an admin account
  npm run events:replay -- --consumer C [--event T] [--since ISO-DATE]
                                                     re-deliver logged events to consumer C's queues`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      consumer: { type: 'string' },
      event: { type: 'string' },
      since: { type: 'string' },
    },
  });
  switch (positionals[0]) {
    case 'migrate':
      // Building the app applies the migrations; nothing else to do.
      await runCommand(marketplace, () => Promise.resolve());
      console.log('migrations are up to date');
      return;
    case 'seed':
      await runCommand(marketplace, async (app) => {
        const report = await app.get(DemoSeeder).seedIfEmpty();
        console.log(
          report
            ? `seeded ${report.needs} needs in ${report.batches} batches`
            : 'the database already holds a programme; nothing seeded',
        );
      });
      return;
    case 'reindex':
      await runCommand(marketplace, async (app) => {
        for (const kind of ['demand', 'team'] as const) {
          const report = await app
            .get(SearchOperations)
            .reindex(kind, (done) => process.stdout.write(`\r${kind}: indexed ${done} documents`));
          console.log(
            `\n${kind}: rebuilt and swapped in ${report.seconds.toFixed(1)} s: ${report.documents} documents`,
          );
        }
      });
      return;
    case 'search-check':
      await runCommand(marketplace, async (app) => {
        console.log(JSON.stringify(await app.get(SearchOperations).checkConsistency('demand')));
      });
      return;
    case 'create-admin': {
      if (!values.email || !values.password || values.password.length < 10) {
        throw new Error('--email and --password (at least 10 characters) are required');
      }
      const { email, password } = values;
      await runCommand(marketplace, async (app) => {
        const created = await app.get(UsersService).ensureAdmin(email, password);
        console.log(created ? `admin ${email} created` : `an account ${email} already exists; nothing changed`);
      });
      return;
    }
    case 'events:replay': {
      const { consumer, event: eventType } = values;
      const since = values.since === undefined ? undefined : new Date(values.since);
      if (!consumer) throw new Error('--consumer is required');
      if (since && Number.isNaN(since.getTime())) throw new Error(`--since ${values.since} is not a date`);
      await runCommand(marketplace, async (app) => {
        const replayed = await app.get(EventBus).replay(consumer, { eventType, since });
        for (const [type, count] of Object.entries(replayed)) console.log(`${type}: ${count} event(s) re-queued`);
      });
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
