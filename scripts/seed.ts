// Seeds what a fresh store needs: the catalog, and one account per staff role.
import { seedCatalog } from '../lib/catalog';

export async function seed(): Promise<{ created: number }> {
  const result = await seedCatalog();
  const { ensureUserWithRole } = await import('../lib/auth/users');
  await ensureUserWithRole('admin@seedprint.local', 'ADMIN');
  await ensureUserWithRole('factory@seedprint.local', 'FACTORY');
  await ensureUserWithRole('seller@seedprint.local', 'SELLER');
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
