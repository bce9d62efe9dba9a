export const dynamic = 'force-dynamic';

// Liveness: the process answers requests. Nothing else is checked (that is /api/ready), so a
// database outage takes instances out of rotation instead of getting them restarted.
export function GET() {
  return Response.json({ ok: true, pid: process.pid, uptimeS: Math.round(process.uptime()) }, { headers: { 'cache-control': 'no-store' } });
}
