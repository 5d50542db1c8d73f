import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MATCHING_MIGRATIONS } from '@jiebang/matching';
import { NOTIFICATIONS_MIGRATIONS } from '@jiebang/notifications';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../harness/test-database';

const user = '0b1f3c57-5f64-4c8e-9f0e-2a7d8c1e4b90';
const organisation = '5a2c8e61-3d4b-4f7a-8e9c-1b6d0f2a3c47';
const need = '9e7d6c5b-4a3f-4e2d-8c1b-0a9f8e7d6c5b';

/** A release of matching alone, with an inbox in use, upgraded to the notifications context. */
describe('the notifications migration on a database matching already holds', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let source: DataSource;
  const query = <T>(sql: string, params: unknown[] = []) => source.query<T[]>(sql, params);

  beforeAll(async () => {
    database = await createTestDatabase();
    source = new DataSource({ type: 'postgres', url: database.url, migrations: MATCHING_MIGRATIONS });
    await source.initialize();
    await source.runMigrations({ transaction: 'each' });
    await query(`INSERT INTO matching.recipient VALUES ($1, $2, 'team', 'team@example.cn', '团队')`, [
      user,
      organisation,
    ]);
    const [{ id }] = await query<{ id: string }>(
      `INSERT INTO matching.notification (event_id, organisation_id, role, kind, title, body, email_status)
       VALUES (gen_random_uuid(), $1, 'team', 'bid_awarded', '恭喜', '入选', 'sent') RETURNING id`,
      [organisation],
    );
    await query('INSERT INTO matching.notification_read (notification_id, user_id) VALUES ($1, $2)', [id, user]);
    await query(
      `INSERT INTO matching.listing (demand_id, title, owner_organisation_id, industry, district, status, award_mode,
         award_leads, indicator_names, collected_at, version)
       VALUES ($1, '高温钐钴永磁体', $2, 'advanced_materials', 'fucheng', 'published', 'single', 1, '{}', now(), 3)`,
      [need, organisation],
    );
    await source.destroy();
    source = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [...MATCHING_MIGRATIONS, ...NOTIFICATIONS_MIGRATIONS],
    });
    await source.initialize();
    await source.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await source.destroy();
    await database.drop();
  });

  it('moves the inbox with its rows and read marks into schema notifications, and copies the recipients', async () => {
    expect(await query(`SELECT to_regclass('matching.notification') AS moved`)).toEqual([{ moved: null }]);
    expect(await query('SELECT kind, title, email_status, hidden FROM notifications.notification')).toEqual([
      { kind: 'bid_awarded', title: '恭喜', email_status: 'sent', hidden: false },
    ]);
    expect(await query('SELECT user_id FROM notifications.notification_read')).toEqual([{ user_id: user }]);
    expect(await query('SELECT email FROM notifications.recipient')).toEqual([{ email: 'team@example.cn' }]);
    // Matching keeps its own: its evaluation reads users' organisations.
    expect(await query('SELECT organisation_id FROM matching.recipient')).toEqual([{ organisation_id: organisation }]);
  });

  it('starts the read model of needs from matching’s listing', async () => {
    expect(await query('SELECT demand_id, title, status, version FROM notifications.need')).toEqual([
      { demand_id: need, title: '高温钐钴永磁体', status: 'published', version: 3 },
    ]);
  });

  it('keeps a redelivered event from notifying twice (the unique key moved along)', async () => {
    const [{ event_id: eventId }] = await query<{ event_id: string }>(
      'SELECT event_id FROM notifications.notification',
    );
    await expect(
      query(
        `INSERT INTO notifications.notification (event_id, organisation_id, role, kind, title, body, email_status)
         VALUES ($1, $2, 'team', 'bid_awarded', '恭喜', '入选', 'off')`,
        [eventId, organisation],
      ),
    ).rejects.toThrow(/notification_once_key/);
  });
});
