// Prisma CLI config. Migrations run offline through the Wasm schema engine over the pg
// driver adapter; see lib/db/prisma-offline-fixes.ts for the three upstream bugs it works around.
import { defineConfig } from 'prisma/config';
import { offlineMigrationAdapter } from './lib/db/prisma-offline-fixes';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => offlineMigrationAdapter(process.env.DATABASE_URL ?? ''),
});
