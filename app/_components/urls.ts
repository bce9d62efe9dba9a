// Pure URL helpers, safe for client and server components.
export { DESIGN_ID_RE as DESIGN_ID } from '@/lib/design/limits';

/** The seamless tile of a design, as served by the generation engine. */
export function designTileUrl(designId: string): string {
  return `/r/${designId}.png`;
}

export function designStudioUrl(productSlug: string): string {
  return `/design?product=${encodeURIComponent(productSlug)}`;
}
