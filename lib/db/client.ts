// The one Prisma client. Only repository modules (lib/<domain>/*-repository.ts) import it.
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseUrl } from '../env';
import { Prisma, PrismaClient } from './generated/client';

const globalForDb = globalThis as unknown as { seedprintDb?: PrismaClient };

function create(): PrismaClient {
  const url = databaseUrl();
  if (!url) throw new Error('DATABASE_URL is not set: start the store with `npm start` (embedded PostgreSQL) or set it');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  // Lazily created so importing a module never needs a database (builds, unit tests).
  get(_t, prop) {
    const client = (globalForDb.seedprintDb ??= create());
    const value = Reflect.get(client, prop);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export async function disconnectDb() {
  await globalForDb.seedprintDb?.$disconnect();
  globalForDb.seedprintDb = undefined;
}

export type { PrismaClient };
export * from './generated/client';

/** A foreign key refused the write: `field` (e.g. "designId") named a row that does not exist. */
export function isForeignKeyViolation(err: unknown, field: string): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2003' && JSON.stringify(err.meta ?? {}).includes(field);
}

/** A unique constraint refused the write (a slug or key already taken). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
