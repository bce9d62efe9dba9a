// Adds the procedural demo design to DATABASE_URL (and DATA_DIR's blob store); prints its
// try-on URL.  DATABASE_URL=… npx tsx scripts/tryon/demo-design.ts
import { saveDemoDesign } from '../../tools/tryon-demo-design';
import { disconnectDb } from '../../lib/db/client';

const id = await saveDemoDesign();
console.log(`/try-on?design=${id}&product=hoodie`);
await disconnectDb();
