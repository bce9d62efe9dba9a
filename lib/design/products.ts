// Product kinds, as the catalog defines them.
import { z } from 'zod';
import { PRODUCT_SLUGS, type ProductSlug } from '../catalog/catalog-data';

export { PRODUCT_SLUGS, type ProductSlug };

export function isProductSlug(value: unknown): value is ProductSlug {
  return typeof value === 'string' && (PRODUCT_SLUGS as readonly string[]).includes(value);
}

export const productSlugSchema = z.enum(PRODUCT_SLUGS, { error: `must be one of: ${PRODUCT_SLUGS.join(', ')}` });
