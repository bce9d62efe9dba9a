// Runs once when the Next.js server starts: the embedded default runs queue workers in-app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.RUN_WORKER_IN_APP !== '1') return;
  const { startWorkers } = await import('./lib/workers');
  await startWorkers();
  console.log('[seedprint] queue workers running in the app process');
}
