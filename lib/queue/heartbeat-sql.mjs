// One heartbeat of a job's attempt: its deadline becomes now + $4 seconds, while it is still active
// here ($3: its retry count). Shared by the first beat (lib/queue/index.ts) and the beats of
// heartbeat-worker.mjs. Plain JavaScript: the worker thread loads it.
export const HEARTBEAT_SQL = `UPDATE pgboss.job SET expire_in = (now() - started_on) + make_interval(secs => $4)
  WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3 RETURNING id`;
