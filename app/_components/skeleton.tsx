// Placeholder shown while a dynamic page loads (the server may be busy rendering patterns).
export function PageSkeleton({ variant = 'split' }: { variant?: 'split' | 'list' }) {
  return (
    <main className="container-page animate-pulse py-8 sm:py-12" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-48 rounded-lg bg-stone-200" />
      {variant === 'split' ? (
        <div className="mt-6 grid gap-8 lg:grid-cols-2">
          <div className="aspect-square rounded-3xl bg-stone-200" />
          <div className="space-y-4">
            <div className="h-10 w-3/4 rounded-lg bg-stone-200" />
            <div className="h-4 w-full rounded bg-stone-200" />
            <div className="h-4 w-5/6 rounded bg-stone-200" />
            <div className="h-8 w-24 rounded-lg bg-stone-200" />
            <div className="h-12 w-full rounded-full bg-stone-200" />
          </div>
        </div>
      ) : (
        <div className="mt-6 space-y-3">
          <div className="h-28 rounded-2xl bg-stone-200" />
          <div className="h-28 rounded-2xl bg-stone-200" />
          <div className="h-28 rounded-2xl bg-stone-200" />
        </div>
      )}
    </main>
  );
}
