export function lowerThreadPriority(nice: number): boolean;
