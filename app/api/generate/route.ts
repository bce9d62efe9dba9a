// POST /api/generate {prompt, seed?, steps?, guidance?, guidanceMinT?, scheduler?, engine?, swap?} -> NDJSON progress stream.
// swap: {motifs?: [{from, to}], colours?: [{role, index?, to}]} changes what the pattern engine understood.
import { z } from 'zod';
import { guidanceSchema, seedSchema, stepsSchema } from '@/lib/design';
import { SCHEDULERS } from '@/lib/generation';
import { streamGeneration } from '@/lib/generation/studio';
import { swapSchema } from '@/lib/generation/swap';
import { handle, readJson } from '@/lib/http/route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const body = z.object({
  prompt: z.unknown(), // validated by checkPrompt for shopper-readable messages
  seed: seedSchema.optional(),
  steps: stepsSchema.optional(),
  guidance: guidanceSchema.optional(),
  guidanceMinT: z.number().min(0).max(1).optional(), // 0 = guidance at every step
  scheduler: z.enum(SCHEDULERS).optional(),
  product: z.string().max(100).optional(),
  engine: z.enum(['auto', 'diffusion']).optional(), // auto: the pattern engine for what it can draw
  swap: swapSchema.optional(),
});

export const POST = handle(async (req) => {
  const { product: _product, ...b } = await readJson(req, body);
  return streamGeneration(req, b);
});
