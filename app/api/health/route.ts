import { db } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

// Liveness + database reachability, used by the e2e runner and load balancers.
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: 'database unreachable' }, { status: 503 });
  }
}
