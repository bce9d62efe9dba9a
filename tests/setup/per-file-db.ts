// Each test file gets its own database, copied from the migrated template that global-setup
// made, so files running in parallel never empty each other's tables.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const template = process.env.DATABASE_URL;
if (template && !process.env.TEST_DATABASE_URL && !process.env.SEEDPRINT_PER_FILE_DB) {
  const url = new URL(template);
  const source = url.pathname.slice(1);
  const name = `${source}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ host: url.hostname, port: Number(url.port), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: 'postgres' });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
        break;
      } catch (err) {
        // Two files copying the template at the same instant: try again shortly.
        if (attempt > 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.SEEDPRINT_PER_FILE_DB = name;
}
