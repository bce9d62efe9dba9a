// The wordmark: a seed whose halves tile like a print repeat.
/** `compact`: the seed alone on narrow phones, where the header needs the room for its links. */
export function Logo({ className = '', compact = false }: { className?: string; compact?: boolean }) {
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7 shrink-0">
        <rect width="32" height="32" rx="9" fill="#186241" />
        <path d="M16 6c5.5 3.2 7.4 8.6 5 13.6-1.2 2.6-3 4.3-5 5.4-2-1.1-3.8-2.8-5-5.4C8.6 14.6 10.5 9.2 16 6Z" fill="#80cfa4" />
        <path d="M16 8.5v15.6" stroke="#186241" strokeWidth="1.6" strokeLinecap="round" />
        <circle cx="24.5" cy="24.5" r="2.2" fill="#fb923c" />
      </svg>
      <span className={`text-base font-bold tracking-tight text-stone-900 sm:text-lg ${compact ? 'max-[429px]:hidden' : ''}`}>Seedprint</span>
    </span>
  );
}
