// Seeds what a fresh store needs: the catalog, one account per staff role, and a factory.
import { assignUserToFactory, ensureUserWithRole } from '../lib/auth/users';
import { seedCatalog } from '../lib/catalog';
import { createFactory } from '../lib/fulfillment';

export async function seed(): Promise<{ created: number }> {
  const result = await seedCatalog();
  await ensureUserWithRole('admin@seedprint.local', 'ADMIN');
  await ensureUserWithRole('seller@seedprint.local', 'SELLER');
  await ensureUserWithRole('factory@seedprint.local', 'FACTORY');
  const factory = await createFactory('Seedprint Test Factory');
  await assignUserToFactory('factory@seedprint.local', factory.id);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seed()
    .then((r) => {
      console.log(`seeded: ${r.created} products added`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
