const STATUS_STYLE: Record<string, string> = {
  DRAFT: 'bg-stone-100 text-stone-700 ring-stone-200',
  PUBLISHED: 'bg-brand-50 text-brand-800 ring-brand-200',
  ARCHIVED: 'bg-stone-50 text-stone-500 ring-stone-200',
};

export function StatusPill({ status }: { status: string }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_STYLE[status] ?? ''}`}>{status.charAt(0) + status.slice(1).toLowerCase()}</span>;
}

