// Arguments for `next start` (scripts/start.ts, the cluster test). Idle keep-alive connections
// stay open longer than a proxy keeps its idle connections to the app (HAProxy drops them within
// seconds), so the proxy closes them, never the app just as the proxy sends a request on one (that
// request would fail without an answer). Node's default is 5 s.
export const KEEP_ALIVE_ARGS = ['--keepAliveTimeout', '65000'];
