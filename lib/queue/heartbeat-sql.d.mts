export const HEARTBEAT_SQL: string;
