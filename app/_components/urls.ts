// Pure URL helpers, safe for client and server components.
export const DESIGN_ID = /^[0-9a-f]{64}$/;

/** The seamless tile of a design, as served by the generation engine. */
export function designTileUrl(designId: string): string {
  return `/r/${designId}.png`;
}

export function designStudioUrl(productSlug: string): string {
  return `/design?product=${encodeURIComponent(productSlug)}`;
}
