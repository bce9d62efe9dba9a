// The pattern spec as a recipe stores it: validated on the way in, so a stored design always
// names motifs, colours and fonts the engine can draw.
import { SHA256_HEX } from '../sha256';
import { z } from 'zod';
import type { Hex } from './types';
import { LAYOUTS, SCALES } from './understand';

const hex = z.custom<Hex>((v) => typeof v === 'string' && /^#[0-9a-f]{6}$/.test(v), 'must be a #rrggbb colour');
const id = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const patternSpecSchema = z
  .object({
    // The engine version that draws this spec; absent on version-1 specs, which draw as they always did.
    v: z.union([z.literal(2), z.literal(3)]).optional(),
    background: hex,
    // whole: the tint recolours every coloured fill of the motif, not only its main fill's family.
    motifs: z.array(z.object({ id, tint: hex.optional(), main: hex.optional(), whole: z.literal(true).optional(), palette: z.array(hex).min(1).max(8).optional() }).strict()).max(8),
    layout: z.enum(LAYOUTS),
    density: z.enum(['sparse', 'normal', 'dense']),
    scale: z.enum(SCALES),
    count: z.number().int().min(1).max(64).optional(),
    texture: z.object({ id, colours: z.array(hex).min(1).max(8) }).strict().optional(),
    text: z.object({ content: z.string().min(1).max(60), font: id, colour: hex, outline: hex.optional() }).strict().optional(),
    accent: hex.optional(),
    // Stripes that run up and down; absent, they run across as every earlier spec drew them.
    vertical: z.literal(true).optional(),
    filler: z.object({ kind: z.enum(['dots', 'sparkles', 'sprigs']), colour: hex }).strict().optional(),
    // The diffusion stage (ground.ts): what re-runs the model whose field steers this tile's composition.
    ground: z
      .object({
        model: z.string().regex(SHA256_HEX),
        seed: z.number().int().min(0).max(0xffffffff),
        tokens: z.array(z.number().int().min(0).max(255)).length(5),
        steps: z.number().int().min(1).max(50),
        guidance: z.number().min(0).max(30),
        scheduler: z.string().min(1).max(32),
      })
      .strict()
      .optional(),
  })
  .strict();
