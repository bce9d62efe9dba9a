// Several processes starting at once on a fresh database (the workers of a first deploy) all set
// up the store's queues: none of them dies in pg-boss's create_queue race.
import PgBoss from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { databaseUrl } from '../../lib/env';
import { QUEUES, setUpQueues } from '../../lib/queue';

const schema = `pgboss_race_${process.pid}`;
const bosses: PgBoss[] = [];

afterAll(async () => {
  await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true }).catch(() => {})));
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
});

describe('queue set-up', () => {
  it('four instances setting up the queues at once on a fresh schema all succeed, each queue made once', async () => {
    for (let i = 0; i < 4; i++) {
      const boss = new PgBoss({ connectionString: databaseUrl()!, schema, max: 2, supervise: false, schedule: false });
      boss.on('error', () => {});
      bosses.push(boss);
    }
    for (const b of bosses) await b.start(); // installs the schema once
    const results = await Promise.allSettled(bosses.map((b) => setUpQueues(b)));
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM "${schema}".queue ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(Object.values(QUEUES).sort());
  });
});
