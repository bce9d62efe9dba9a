export function TestModeBanner() {
  return (
    <div role="note" aria-label="Test mode" data-testid="test-mode-banner" className="bg-amber-300 text-amber-950">
      <p className="container-page py-1.5 text-center text-xs font-medium sm:text-sm">
        <strong className="font-semibold">Test mode</strong> — no real charges. Pay with{' '}
        <span className="font-mono whitespace-nowrap">4242 4242 4242 4242</span>
      </p>
    </div>
  );
}
