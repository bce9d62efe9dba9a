// A listing product's price per size. Pure and client-safe (the listing page reads it too).
// Sizeless products (mug, tote) have no entries: their price is the product's priceMinor.

/** Size label → the seller's price in minor units. */
export type SizePrices = Record<string, number>;

/** Reads the stored map, keeping only whole non-negative amounts (the column is JSON). */
export function readSizePrices(raw: unknown): SizePrices {
  const out: SizePrices = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [size, price] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof price === 'number' && Number.isInteger(price) && price >= 0) out[size] = price;
  }
  return out;
}

/** What one unit of `size` costs the buyer on this listing product. */
export function priceForSize(lp: { priceMinor: number; sizePrices: unknown }, size: string | null | undefined): number {
  return (size ? readSizePrices(lp.sizePrices)[size] : undefined) ?? lp.priceMinor;
}

/** Lowest and highest size price (both priceMinor for a sizeless product). */
export function priceRange(lp: { priceMinor: number; sizePrices: unknown }): { lowMinor: number; highMinor: number } {
  const prices = Object.values(readSizePrices(lp.sizePrices));
  if (prices.length === 0) return { lowMinor: lp.priceMinor, highMinor: lp.priceMinor };
  return { lowMinor: Math.min(...prices), highMinor: Math.max(...prices) };
}
