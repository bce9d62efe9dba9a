// The price floor for a seller's listing. Decision: each size's floor = the most expensive offered
// variant of that size's production cost (costMinor) plus the store's margin (30 %), rounded up
// to a whole cent; a seller prices every size on its own (a 12×18 poster costs less than a 24×36). The
// store's own retail price is NOT the floor: sellers may undercut it (they bring the design and
// the audience), but every sale still covers production and leaves the store its margin. The
// seller earns price − floor per unit.
export const STORE_MARGIN = 0.3;

export interface CostedVariant {
  id: string;
  costMinor: number;
  priceMinor: number;
  currency: string;
}

/** Minimum price in minor units for a product listed with these variants. */
export function priceFloorMinor(variants: Pick<CostedVariant, 'costMinor'>[], margin = STORE_MARGIN): number {
  if (variants.length === 0) throw new Error('priceFloorMinor: no variants');
  const maxCost = Math.max(...variants.map((v) => v.costMinor));
  // Integer maths: cost × (100 + margin%) / 100, rounded up.
  return Math.ceil((maxCost * Math.round((1 + margin) * 100)) / 100);
}

/** What the seller earns on one unit at `priceMinor` (never negative for a valid listing). */
export function sellerEarningsMinor(priceMinor: number, variants: Pick<CostedVariant, 'costMinor'>[], margin = STORE_MARGIN): number {
  return priceMinor - priceFloorMinor(variants, margin);
}

/** One size's floor: the offered variants of that size (sizeless products: size null). */
export interface SizeFloor {
  size: string | null;
  floorMinor: number;
  maxCostMinor: number;
  retailMinor: number;
}

/** Floors per size, in the variants' order (one entry with size null for a sizeless product). */
export function sizeFloors(variants: { size?: string | null; costMinor: number; priceMinor: number }[], margin = STORE_MARGIN): SizeFloor[] {
  const bySize = new Map<string | null, { costMinor: number; priceMinor: number }[]>();
  for (const v of variants) {
    const key = v.size ?? null;
    bySize.set(key, [...(bySize.get(key) ?? []), v]);
  }
  return [...bySize].map(([size, vs]) => ({
    size,
    floorMinor: priceFloorMinor(vs, margin),
    maxCostMinor: Math.max(...vs.map((v) => v.costMinor)),
    retailMinor: Math.min(...vs.map((v) => v.priceMinor)),
  }));
}
