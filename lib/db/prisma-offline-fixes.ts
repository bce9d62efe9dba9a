// Workarounds that let Prisma 6.19's CLI (Wasm schema engine over the pg driver adapter)
// migrate with no network. Used by prisma.config.ts only, never by the running store.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

let patched = false;

function patchOnce() {
  if (patched) return;
  patched = true;
  // 1. prisma/orm#27403: catalog queries return `name` (oid 19) and `"char"` (oid 18),
  //    which the adapter cannot deserialize. They are plain text for our purposes.
  const proto = (pg as unknown as { Result: { prototype: { addFields(f: { dataTypeID: number }[]): void } } }).Result.prototype;
  const addFields = proto.addFields;
  proto.addFields = function (fields) {
    for (const f of fields) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
    return addFields.call(this, fields);
  };
}


export function pgConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  // 2. Pass the parts, not connectionString: a connectionString overrides the shadow db name (P3006).
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, '') || 'postgres',
    // The CLI never closes the adapter's pool: let the process exit when it's idle.
    allowExitOnIdle: true,
  };
}

class OfflineMigrationAdapter extends PrismaPg {
  private readonly cfg: pg.PoolConfig;
  constructor(cfg: pg.PoolConfig) {
    super(cfg);
    this.cfg = cfg;
  }
  // 3. The stock version drops the shadow db while its own pool still holds connections.
  override async connectToShadowDb() {
    const main = new pg.Client(this.cfg);
    await main.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.query(`CREATE DATABASE "${database}"`);
    await main.end();
    const shadow = new PrismaPg({ ...this.cfg, database });
    const adapter = await shadow.connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const c = new pg.Client(this.cfg);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${database}"`);
      await c.end();
    };
    return adapter;
  }
}

export function offlineMigrationAdapter(url: string) {
  patchOnce();
  return new OfflineMigrationAdapter(pgConfigFromUrl(url));
}

// The Wasm engine also leaves a 10 s timer pending; don't let it keep the CLI alive.
// Patched at import time, before the engine captures setTimeout.
const setTimeoutOrig = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const t = setTimeoutOrig(fn, ms, ...args);
  if ((ms ?? 0) >= 5000) t.unref?.();
  return t;
}) as typeof setTimeout;
