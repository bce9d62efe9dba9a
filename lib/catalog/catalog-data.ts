// The seeded catalog: real blank products with their physical print areas (inches @ 300 DPI).
export interface SeedVariant {
  size?: string;
  color: string;
  colorHex: string;
  priceMinor: number;
  costMinor: number;
}
export interface SeedPrintArea {
  name: string;
  widthIn: number;
  heightIn: number;
  dpi?: number;
  bleedIn?: number;
  safeMarginIn?: number;
}
/** Every product kind the store sells; each has exactly one CATALOG entry. */
export const PRODUCT_SLUGS = ['hoodie', 'tee', 'mug', 'tote', 'poster', 'phone-case'] as const;
export type ProductSlug = (typeof PRODUCT_SLUGS)[number];

/** A garment's measurements per size, laid flat, in inches (shown in inches and centimetres). */
export interface SizeChartRow {
  size: string;
  chestIn: number;
  lengthIn: number;
}
export interface SeedProduct {
  slug: ProductSlug;
  name: string;
  kind: 'garment' | 'drinkware' | 'bag' | 'wall-art' | 'accessory';
  description: string;
  /** Words shoppers search by that the name does not say. */
  tags: string[];
  printAreas: SeedPrintArea[];
  variants: SeedVariant[];
  sizeChart?: SizeChartRow[];
}

/**
 * Phone models for the phone case: each prints its own back (the phone's width and height plus
 * the wrap around the case's sides), so its print area is named after the model, as posters' are
 * after their sizes.
 */
export const PHONE_MODELS: { model: string; widthIn: number; heightIn: number }[] = [
  { model: 'iPhone 16 Pro Max', widthIn: 3.65, heightIn: 7.2 },
  { model: 'iPhone 16 Pro', widthIn: 3.4, heightIn: 6.7 },
  { model: 'iPhone 16 Plus', widthIn: 3.65, heightIn: 7.1 },
  { model: 'iPhone 16', widthIn: 3.4, heightIn: 6.6 },
  { model: 'iPhone 15 Pro Max', widthIn: 3.6, heightIn: 7.1 },
  { model: 'iPhone 15 Pro', widthIn: 3.35, heightIn: 6.55 },
  { model: 'iPhone 15', widthIn: 3.4, heightIn: 6.6 },
  { model: 'iPhone 14', widthIn: 3.4, heightIn: 6.55 },
  { model: 'iPhone 13', widthIn: 3.4, heightIn: 6.55 },
  { model: 'Galaxy S24 Ultra', widthIn: 3.7, heightIn: 7.2 },
  { model: 'Galaxy S24', widthIn: 3.35, heightIn: 6.6 },
  { model: 'Pixel 9', widthIn: 3.45, heightIn: 6.85 },
  { model: 'Pixel 8', widthIn: 3.45, heightIn: 6.7 },
];

function grid(sizes: (string | undefined)[], colors: [string, string][], priceMinor: number, costMinor: number, upcharge: Record<string, number> = {}): SeedVariant[] {
  return colors.flatMap(([color, colorHex]) =>
    sizes.map((size) => ({ size, color, colorHex, priceMinor: priceMinor + (size ? upcharge[size] ?? 0 : 0), costMinor })),
  );
}

export const CATALOG: SeedProduct[] = [
  {
    slug: 'hoodie',
    name: 'All-Over Print Hoodie',
    kind: 'garment',
    description: 'Midweight 280 gsm fleece pullover with a lined hood and kangaroo pocket. Your pattern is printed edge to edge on the body and sleeves.',
    tags: ['sweatshirt', 'pullover', 'jumper', 'hooded', 'apparel', 'clothing'],
    printAreas: [
      { name: 'front', widthIn: 15, heightIn: 18 },
      { name: 'back', widthIn: 15, heightIn: 18 },
      { name: 'left-sleeve', widthIn: 4, heightIn: 18 },
      { name: 'right-sleeve', widthIn: 4, heightIn: 18 },
    ],
    variants: grid(['S', 'M', 'L', 'XL', '2XL'], [['White', '#f5f5f4'], ['Black', '#1c1917'], ['Heather Grey', '#a8a29e']], 5800, 2700, { '2XL': 400 }),
    sizeChart: [
      { size: 'S', chestIn: 20, lengthIn: 27 },
      { size: 'M', chestIn: 22, lengthIn: 28 },
      { size: 'L', chestIn: 24, lengthIn: 29 },
      { size: 'XL', chestIn: 26, lengthIn: 30 },
      { size: '2XL', chestIn: 28, lengthIn: 31 },
    ],
  },
  {
    slug: 'tee',
    name: 'Pattern Tee',
    kind: 'garment',
    description: 'Soft 180 gsm combed-cotton tee with a relaxed fit. The pattern covers the 12 × 16 in front print area.',
    tags: ['t-shirt', 'tshirt', 'shirt', 'top', 'apparel', 'clothing'],
    printAreas: [
      { name: 'front', widthIn: 12, heightIn: 16 },
      { name: 'back', widthIn: 12, heightIn: 16 },
    ],
    variants: grid(['XS', 'S', 'M', 'L', 'XL', '2XL'], [['White', '#fafaf9'], ['Black', '#1c1917'], ['Navy', '#1e293b'], ['Sand', '#e7dcc8']], 2900, 1150, { '2XL': 300 }),
    sizeChart: [
      { size: 'XS', chestIn: 16.5, lengthIn: 27 },
      { size: 'S', chestIn: 18, lengthIn: 28 },
      { size: 'M', chestIn: 20, lengthIn: 29 },
      { size: 'L', chestIn: 22, lengthIn: 30 },
      { size: 'XL', chestIn: 24, lengthIn: 31 },
      { size: '2XL', chestIn: 26, lengthIn: 32 },
    ],
  },
  {
    slug: 'mug',
    name: 'Ceramic Mug 11 oz',
    kind: 'drinkware',
    description: 'Glossy 11 oz ceramic mug, dishwasher and microwave safe. The pattern wraps all the way around (9 × 3.5 in).',
    tags: ['cup', 'coffee', 'tea', 'drinkware', 'kitchen'],
    printAreas: [{ name: 'wrap', widthIn: 9, heightIn: 3.5, bleedIn: 0.1, safeMarginIn: 0.2 }],
    variants: grid([undefined], [['White', '#ffffff'], ['Black rim', '#27272a']], 1800, 650),
  },
  {
    slug: 'tote',
    name: 'Canvas Tote',
    kind: 'bag',
    description: 'Heavy 12 oz cotton canvas tote with 25 in handles, 15 × 16 in. Printed on the front panel.',
    tags: ['bag', 'shopping bag', 'canvas bag', 'shopper'],
    printAreas: [{ name: 'front', widthIn: 15, heightIn: 16 }],
    variants: grid([undefined], [['Natural', '#eee5d3'], ['Black', '#1c1917']], 2400, 900),
  },
  {
    slug: 'poster',
    name: 'Matte Poster',
    kind: 'wall-art',
    description: 'Museum-grade 200 gsm matte paper, printed edge to edge. Ships rolled in a tube.',
    tags: ['print', 'art print', 'wall art', 'decor'],
    printAreas: [
      { name: '12x18', widthIn: 12, heightIn: 18 },
      { name: '18x24', widthIn: 18, heightIn: 24 },
      { name: '24x36', widthIn: 24, heightIn: 36 },
    ],
    variants: [
      { size: '12x18', color: 'Matte', colorHex: '#ffffff', priceMinor: 1900, costMinor: 700 },
      { size: '18x24', color: 'Matte', colorHex: '#ffffff', priceMinor: 2900, costMinor: 1100 },
      { size: '24x36', color: 'Matte', colorHex: '#ffffff', priceMinor: 4500, costMinor: 1700 },
    ],
  },
  {
    slug: 'phone-case',
    name: 'Tough Phone Case',
    kind: 'accessory',
    description: 'Two-layer impact-resistant case with a wrap-around printed back, matte or glossy finish.',
    tags: ['phone', 'cover', 'iphone', 'apple', 'galaxy', 'samsung', 'pixel', 'google'],
    printAreas: PHONE_MODELS.map((m) => ({ name: m.model, widthIn: m.widthIn, heightIn: m.heightIn, bleedIn: 0.1, safeMarginIn: 0.15 })),
    variants: grid(PHONE_MODELS.map((m) => m.model), [['Glossy', '#f4f4f5'], ['Matte', '#d4d4d8']], 2500, 800),
  },
];

export function skuFor(slug: string, v: SeedVariant): string {
  const part = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, '');
  return [part(slug), v.size ? part(v.size) : null, part(v.color)].filter(Boolean).join('-');
}

/** Pattern repeat sizes a shopper may choose, in inches (a repeat larger than an area prints its top-left part). */
export const REPEAT_IN_LIMITS = { min: 0.5, max: 24 } as const;

/** What a print area gets when the catalog leaves it out (the database columns' defaults too). */
export const PRINT_AREA_DEFAULTS = { dpi: 300, bleedIn: 0.125, safeMarginIn: 0.25 } as const;

/** A garment's size chart with centimetres beside the inches (none for products without sizes to fit). */
export function sizeChart(slug: string): { size: string; chestIn: number; lengthIn: number; chestCm: number; lengthCm: number }[] | null {
  const rows = CATALOG.find((p) => p.slug === slug)?.sizeChart;
  if (!rows) return null;
  const cm = (inches: number) => Math.round(inches * 2.54);
  return rows.map((r) => ({ ...r, chestCm: cm(r.chestIn), lengthCm: cm(r.lengthIn) }));
}

/** A catalog product's print areas with every default filled in. */
export function catalogPrintAreas(slug: string) {
  const product = CATALOG.find((p) => p.slug === slug);
  return product?.printAreas.map((a) => ({ ...PRINT_AREA_DEFAULTS, ...a }));
}
