import { db } from '@/lib/db/client';
import { checkReadiness, isDraining } from '@/lib/observability';
import { store } from '@/lib/storage';

export const dynamic = 'force-dynamic';

// Readiness for the load balancer: 200 while the database answers and blob storage is
// reachable, else 503 with the reason, so the proxy sends traffic to the other instances. A
// stopping instance answers 503 at once.
export async function GET() {
  if (isDraining()) return Response.json({ ready: false, draining: true }, { status: 503, headers: { 'cache-control': 'no-store' } });
  const r = await checkReadiness({ pingDb: () => db.$queryRaw`SELECT 1`, store: store() });
  return Response.json(r, { status: r.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
