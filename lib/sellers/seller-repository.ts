// Seller profiles and design licences: the only lib/sellers module that touches Prisma. Listings
// live in lib/listings, sales in lib/orders.
import { promoteShopperToSeller } from '../auth';
import { db, Prisma } from '../db/client';

// ---- seller profiles ----
export function findSellerByUserId(userId: string) {
  return db.sellerProfile.findUnique({ where: { userId } });
}

export function findSellerBySlug(slug: string) {
  return db.sellerProfile.findUnique({ where: { slug } });
}

export function findSellerById(id: string) {
  return db.sellerProfile.findUnique({ where: { id } });
}

/** Creates the profile and makes a shopper a seller, in one transaction. Admins stay admins. */
export async function createSellerProfile(userId: string, data: { shopName: string; slug: string; bio: string | null; payoutDetails: Prisma.InputJsonValue | null }) {
  return db.$transaction(async (tx) => {
    const profile = await tx.sellerProfile.create({
      data: { userId, shopName: data.shopName, slug: data.slug, bio: data.bio, payoutDetails: data.payoutDetails ?? Prisma.JsonNull },
    });
    await promoteShopperToSeller(userId, tx);
    return profile;
  });
}

export function updateSellerProfile(id: string, data: { shopName?: string; bio?: string | null; payoutDetails?: Prisma.InputJsonValue | null }) {
  const { payoutDetails, ...rest } = data;
  return db.sellerProfile.update({
    where: { id },
    data: { ...rest, ...(payoutDetails !== undefined ? { payoutDetails: payoutDetails ?? Prisma.JsonNull } : {}) },
  });
}

// ---- design licences ----
/** Whether the design's owner has licensed it to this shop. */
export async function hasDesignLicense(designId: string, sellerId: string): Promise<boolean> {
  return (await db.designLicense.count({ where: { designId, sellerId } })) > 0;
}

/** Grants (idempotent) a shop the right to sell a design. */
export function upsertDesignLicense(designId: string, sellerId: string, grantedById: string) {
  return db.designLicense.upsert({ where: { designId_sellerId: { designId, sellerId } }, create: { designId, sellerId, grantedById }, update: {} });
}

export function deleteDesignLicense(designId: string, sellerId: string) {
  return db.designLicense.deleteMany({ where: { designId, sellerId } });
}
