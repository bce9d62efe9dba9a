// The only module of lib/saved-designs that touches Prisma: SavedDesign rows ("My designs").
import { db } from '../db/client';

/** Whose "My designs": an account, or a guest's cart until that shopper signs in. */
export type Owner = { userId: string; cartId?: undefined } | { cartId: string; userId?: undefined };

const ownerWhere = (o: Owner) => (o.userId ? { userId: o.userId } : { cartId: o.cartId! });

export interface SavedRow {
  designId: string;
  productSlug: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const select = { designId: true, productSlug: true, createdAt: true, updatedAt: true } as const;

/**
 * Adds the design to the owner's list, or moves it to the top when it is there already. Insert
 * with skipDuplicates, then update: two saves at once never hit the unique constraint.
 */
export async function upsertSaved(owner: Owner, designId: string, productSlug: string | null): Promise<SavedRow> {
  const who = ownerWhere(owner);
  await db.savedDesign.createMany({ data: [{ ...who, designId, productSlug }], skipDuplicates: true });
  await db.savedDesign.updateMany({ where: { ...who, designId }, data: { updatedAt: new Date(), ...(productSlug ? { productSlug } : {}) } });
  return db.savedDesign.findFirstOrThrow({ where: { ...who, designId }, select });
}

export function listSaved(owner: Owner, limit: number): Promise<SavedRow[]> {
  return db.savedDesign.findMany({ where: ownerWhere(owner), orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take: limit, select });
}

/** Removes the owner's entry; 0 when there was none (already removed, or never theirs). */
export async function deleteSaved(owner: Owner, designId: string): Promise<number> {
  return (await db.savedDesign.deleteMany({ where: { ...ownerWhere(owner), designId } })).count;
}

/** Moves a guest cart's designs to the account (designs already there keep their entry). */
export async function moveCartDesigns(cartId: string, userId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.savedDesign.findMany({ where: { cartId }, select });
    if (rows.length === 0) return 0;
    await tx.savedDesign.createMany({ data: rows.map((r) => ({ userId, designId: r.designId, productSlug: r.productSlug, createdAt: r.createdAt, updatedAt: r.updatedAt })), skipDuplicates: true });
    await tx.savedDesign.deleteMany({ where: { cartId } });
    return rows.length;
  });
}

/** The product the design was most recently saved for by anyone; undefined when nobody keeps it. */
export async function sharedEntry(designId: string): Promise<{ productSlug: string | null } | undefined> {
  const rows = await db.savedDesign.findMany({ where: { designId }, orderBy: { updatedAt: 'desc' }, select: { productSlug: true } });
  if (rows.length === 0) return undefined;
  return { productSlug: rows.find((r) => r.productSlug)?.productSlug ?? null };
}
