/**
 * A turn of the event loop (setImmediate): long synchronous work between awaits is cut where it
 * yields, so requests waiting on I/O are answered in between instead of after all of it.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
