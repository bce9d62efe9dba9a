// Presentation helpers shared by pages, e-mails and the checkout.
export function formatMoney(minor: number, currency = 'usd'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(minor / 100);
}

export function variantLabel(v: { size?: string | null; color: string }): string {
  return [v.color, v.size].filter(Boolean).join(' / ');
}
