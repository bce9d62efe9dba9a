// The pattern engine's shared vocabulary: what a shopper's words were understood as, and the
// seamless vector tile made from it. Every tile is an SVG document whose viewBox is
// `0 0 TILE TILE`; drawing beyond the edges is wrapped by the composer.
export const TILE = 1000;

export type Hex = `#${string}`; // #rrggbb, lower case

/** A colour a shopper named, resolved: the name as understood and its sRGB value. */
export interface NamedColour {
  name: string; // e.g. "sage", "burgundy", "dusty rose"
  hex: Hex;
  source: 'color-name-list' | 'basic' | 'palette-word';
}

export interface TextureDef {
  id: string; // e.g. "leopard"
  /** Words that ask for it, lower case, in every language the parser supports. */
  keywords: string[];
  /** How many colours it uses; the first is the ground. */
  colours: number;
  /** Default colours when the shopper names none. */
  defaultColours: Hex[];
  /**
   * A seamless tile: SVG markup for a `0 0 TILE TILE` viewBox, deterministic in (seed, colours, v).
   * `v` is the spec's engine version (absent: 1); a version's output never changes.
   */
  render(o: { seed: number; colours: Hex[]; v?: number }): string;
}

export interface FontDef {
  id: string; // e.g. "pacifico"
  family: string; // e.g. "Pacifico"
  style: 'script' | 'retro' | 'display' | 'serif' | 'sans' | 'handwritten' | 'monospace';
  /** Style words that pick it ("script", "cursive", "retro", "70s", "bold"…). */
  keywords: string[];
  licence: string; // e.g. "OFL-1.1"
  package: string; // npm package and file it comes from
}
