// Presentation helpers shared by pages, e-mails and the checkout.
export function formatMoney(minor: number, currency = 'usd'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(minor / 100);
}

export function variantLabel(v: { size?: string | null; color: string }): string {
  return [v.color, v.size].filter(Boolean).join(' / ');
}

/** Pixel size of a print area including bleed on every side. */
export function printAreaPixels(a: { widthIn: number; heightIn: number; dpi: number; bleedIn: number }) {
  return {
    widthPx: Math.round((a.widthIn + 2 * a.bleedIn) * a.dpi),
    heightPx: Math.round((a.heightIn + 2 * a.bleedIn) * a.dpi),
  };
}
