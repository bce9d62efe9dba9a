// zod forms of lib/design's limits, for request bodies, forms and stored data.
import { z } from 'zod';
import { DESIGN_ID_RE, GENERATION_LIMITS as G, PRODUCT_SLUGS, REPEAT_IN } from './limits';

export const designIdSchema = z.string().regex(DESIGN_ID_RE, 'must be a design id (64 lowercase hex characters)');

/** Any sha256 digest in hex (model files, print files): the same shape as a design id. */
export const sha256HexSchema = z.string().regex(DESIGN_ID_RE, 'must be a sha256 hex digest');

/** Repeat in inches; form fields arrive as strings. */
export const repeatInSchema = z.coerce
  .number({ error: 'must be a number of inches' })
  .min(REPEAT_IN.min, `must be at least ${REPEAT_IN.min} in`)
  .max(REPEAT_IN.max, `must be at most ${REPEAT_IN.max} in`);

export const productSlugSchema = z.enum(PRODUCT_SLUGS, { error: `must be one of: ${PRODUCT_SLUGS.join(', ')}` });

export const seedSchema = z.number().int().min(G.seed.min).max(G.seed.max);
export const stepsSchema = z.number().int().min(G.steps.min).max(G.steps.max);
export const guidanceSchema = z.number().min(G.guidance.min).max(G.guidance.max);
export const sizeSchema = z.number().int().min(G.size.min).max(G.size.max);
