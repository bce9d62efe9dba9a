// "My designs": the designs a shopper chose, kept for their account or, for a guest, for their
// cart (the sp_cart session) until they sign in. An entry points at the design by id; removing it
// leaves the Design row alone, so orders (which keep their own recipe copy) and listings never break.
import { z } from 'zod';
import { designIdSchema, isDesignId, productSlugSchema } from '../design';
import { designBriefs, getDesign } from '../generation';
import { notFound, parseOrThrow } from '../http/errors';
import * as repo from './saved-design-repository';

export type Owner = repo.Owner;

/** How many designs the page lists (newest first). */
export const MY_DESIGNS_LIMIT = 200;

export const saveDesignSchema = z.object({
  designId: designIdSchema,
  /** The product the shopper chose it for: "Add to cart" and the share page show that product. */
  product: productSlugSchema.optional(),
});

export interface MyDesign {
  designId: string;
  /** The shopper's own words the design was made from. */
  prompt: string;
  productSlug: string | null;
  savedAt: Date;
  previewUrl: string;
  shareUrl: string;
}

const NO_DESIGN = 'No design with that id. It may have been typed wrong: copy the link again.';

export const sharePath = (designId: string) => `/d/${designId}`;
export const previewPath = (designId: string) => `/r/${designId}.png`;

export async function saveToMyDesigns(owner: Owner, input: unknown): Promise<MyDesign> {
  const { designId, product } = parseOrThrow(saveDesignSchema, input);
  const design = await getDesign(designId);
  if (!design) throw notFound(NO_DESIGN);
  const row = await repo.upsertSaved(owner, designId, product ?? null);
  return view(row, design.recipe.prompt);
}

export async function listMyDesigns(owner: Owner): Promise<MyDesign[]> {
  const rows = await repo.listSaved(owner, MY_DESIGNS_LIMIT);
  const designs = await designBriefs(rows.map((r) => r.designId));
  return rows.flatMap((r) => {
    const d = designs.get(r.designId);
    return d ? [view(r, d.prompt)] : [];
  });
}

/**
 * Takes the design off the owner's list. Idempotent: a design that is not (or no longer) on the
 * list answers `removed: false`, whoever asks, so nobody learns whose list holds it. 404 only for
 * ids that name no design at all.
 */
export async function removeFromMyDesigns(owner: Owner | null, designId: unknown): Promise<{ removed: boolean }> {
  if (!isDesignId(designId) || !(await getDesign(designId))) throw notFound(NO_DESIGN);
  return { removed: owner ? (await repo.deleteSaved(owner, designId)) > 0 : false };
}

/** On sign-in the guest session's designs become the account's. */
export const attachGuestDesigns = (cartId: string, userId: string) => repo.moveCartDesigns(cartId, userId);

export interface SharedDesign {
  designId: string;
  prompt: string;
  productSlug: string | null;
  createdAt: Date;
}

/**
 * What a share link shows to anyone: the design's words and the product it was chosen for,
 * never who made it. Only designs someone keeps in "My designs" are shared; a removed one's link
 * stops working.
 */
export async function sharedDesign(designId: string): Promise<SharedDesign | null> {
  if (!isDesignId(designId)) return null;
  const entry = await repo.sharedEntry(designId);
  if (!entry) return null;
  const design = await getDesign(designId);
  if (!design) return null;
  return { designId, prompt: design.recipe.prompt, productSlug: entry.productSlug, createdAt: design.createdAt };
}

function view(r: repo.SavedRow, prompt: string): MyDesign {
  return { designId: r.designId, prompt, productSlug: r.productSlug, savedAt: r.updatedAt, previewUrl: previewPath(r.designId), shareUrl: sharePath(r.designId) };
}
