// The studio's server side: POST /api/generate and POST /api/designs/:id/more stream NDJSON
// (one JSON object per line):
//   {"type":"start", count, steps, seed, parsed, understood, choices, prompt, swaps, ignoredWords, model}
//     (understood: what the pattern engine read — motifs, colours, texture, lettering — when it draws the design;
//      choices: the one-click alternatives for its motifs and colours, and the lettering's sample;
//      prompt: the prompt as the designs record it, with any swaps; swaps: [{from, to}] applied)
//   {"type":"step", step, total, previews:[data-URL PNG per candidate]}     (one per sampler step)
//   {"type":"candidate", index, designId, url, seed, sha256, recipe}        (one per finished candidate)
//   {"type":"done", designIds}   or   {"type":"error", message, code}
// Everything that can be refused (400 bad input, 422 moderation / no motif, 429 rate limit,
// 503 busy) is refused BEFORE the stream starts, as a JSON error with that status.
import { randomInt } from 'node:crypto';
import { HttpError, notFound } from '../http/errors';
import { putBlob, putRef } from '../storage';
import { getDesign, saveDesign } from './design-repository';
import { generateCandidates, getModelInfo, parsePrompt, type GenerateOptions } from './generate';
import { checkPrompt } from './input';
import { describeIntent, isPatternRecipe, PATTERN_MODEL_ID, readPatternPrompt } from './pattern-engine';
import { admitStudioGeneration, renderQueue } from './queue';
import { applySwap, studioChoices, type Swap } from './swap';
import { identifyClient, takeGeneration } from './rate-limit';
import { unknownSubjectMessage } from '../pattern';

export const MORE_LIKE_THIS_STRENGTH = 0.3;

/**
 * Who is generating: the signed-in user, else a guest. Loaded on use, so the studio does not pull
 * in the auth stack until a request needs it; errors (no auth config, no DB in a unit test) mean "guest".
 */
export async function resolveUserId(req: Request): Promise<string | null> {
  try {
    const { getUserFromRequest } = await import('../auth');
    return (await getUserFromRequest(req))?.id ?? null;
  } catch {
    return null;
  }
}

export interface StreamRequest {
  prompt: unknown;
  seed?: number;
  steps?: number;
  guidance?: number;
  guidanceMinT?: number;
  scheduler?: string;
  variation?: GenerateOptions['variation'];
  /** 'auto' (default): the pattern engine for what it can draw, else the diffusion model */
  engine?: GenerateOptions['engine'];
  /** One-click changes to what the pattern engine understood ("lemons → limes"). */
  swap?: Swap;
}

const enc = new TextEncoder();
const line = (o: unknown) => enc.encode(`${JSON.stringify(o)}\n`);

export async function streamGeneration(req: Request, body: StreamRequest): Promise<Response> {
  const prompt = checkPrompt(body.prompt); // 400 / 422
  const engine = body.engine ?? 'auto';
  const pattern = engine === 'auto' ? readPatternPrompt(prompt) : null; // 422 for protected names
  if (body.swap && !pattern?.drawable) throw new HttpError(422, 'There is nothing in this design to swap: swaps apply to pattern designs with a motif, texture or lettering.', 'invalid_swap');
  const swapped = body.swap && pattern ? applySwap(pattern.intent, body.swap) : null; // 422 for unknown motifs and colours
  const parsed = await parsePrompt(prompt);
  const info = await getModelInfo();
  if (info.backend === 'embedded' && !parsed.roles.motif && !pattern?.drawable) {
    throw new HttpError(
      422,
      (pattern && unknownSubjectMessage(pattern.intent)) ??
      (parsed.ignoredWords.length
        ? `The model does not know "${parsed.ignoredWords.join('", "')}" yet. Start with a motif, e.g. hearts, stars, stripes, cats or sunflowers.`
        : 'Name a motif, e.g. "red hearts on navy" or "sunflowers on cream".'),
      'no_motif',
    );
  }
  // Busy (503) before the rate limit: a refused request costs the shopper no generation and the database no work.
  const q = renderQueue();
  if (q.stats.running >= q.concurrency && q.stats.waiting >= q.maxWaiting) {
    throw new HttpError(503, 'The design studio is busy right now: please try again in a few seconds.', 'generation_busy');
  }
  const release = await admitStudioGeneration(); // 503 when the whole store is full, in PostgreSQL
  let userId: string | null;
  try {
    userId = await resolveUserId(req);
    await takeGeneration(await identifyClient(req, userId)); // 429: per user/cart AND per address, in PostgreSQL
  } catch (err) {
    await release();
    throw err;
  }
  const seed = body.seed ?? randomInt(0, 2 ** 32 - 8);
  const count = 4;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (o: unknown) => {
        if (!closed) {
          try {
            controller.enqueue(line(o));
          } catch {
            closed = true; // the client went away; finish the work so the designs are saved
          }
        }
      };
      try {
        const intent = swapped?.intent ?? pattern?.intent;
        const understood = pattern?.drawable && intent ? describeIntent(intent) : null;
        send({
          type: 'start',
          count,
          seed,
          steps: understood ? 1 : (body.steps ?? info.defaults.steps),
          parsed: understood ? null : parsed.roles,
          understood,
          choices: understood && intent ? await studioChoices(intent) : null,
          prompt: swapped?.prompt ?? prompt,
          swaps: swapped?.swaps ?? [],
          ignoredWords: understood ? understood.ignoredWords : parsed.ignoredWords,
          model: understood ? { id: PATTERN_MODEL_ID, standin: false } : { id: info.id, standin: info.standin },
        });
        const r = await generateCandidates({
          prompt,
          seed,
          count,
          steps: body.steps,
          guidance: body.guidance,
          guidanceMinT: body.guidanceMinT,
          scheduler: body.scheduler,
          variation: body.variation,
          engine,
          swap: body.swap,
          onPreview: (pngs, step, total) => send({ type: 'step', step, total, previews: pngs.map((p) => `data:image/png;base64,${p.toString('base64')}`) }),
        });
        const ids: string[] = [];
        for (const [index, c] of r.candidates.entries()) {
          const { key } = await putBlob(c.png, { contentType: 'image/png' });
          await saveDesign(c.recipe, { previewSha256: key, createdById: userId });
          await putRef(`r/${c.designId}.png`, key);
          ids.push(c.designId);
          send({ type: 'candidate', index, designId: c.designId, url: `/r/${c.designId}.png`, seed: c.recipe.seed, variationSeed: c.recipe.variation?.seed, sha256: c.sha256, recipe: c.recipe });
        }
        send({ type: 'done', designIds: ids });
      } catch (err) {
        const e = err instanceof HttpError ? err : null;
        if (!e) console.error('[generation] stream failed', err);
        send({ type: 'error', message: e?.message ?? 'Generation failed on our side. Please try again.', code: e?.code ?? 'internal' });
      } finally {
        await release();
        if (!closed) controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}

/** "More like this": the chosen design's prompt, settings and seed, 4 new variation seeds. */
export async function streamMoreLikeThis(req: Request, designId: string): Promise<Response> {
  const d = await getDesign(designId);
  if (!d) throw notFound('No design with that id.');
  const r = d.recipe;
  return streamGeneration(req, {
    prompt: r.prompt,
    seed: r.seed,
    steps: r.steps,
    guidance: r.guidance,
    guidanceMinT: r.guidanceMinT ?? 0, // absent = guidance at every step, as the chosen design was made
    scheduler: r.scheduler,
    variation: { seeds: Array.from({ length: 4 }, () => randomInt(0, 2 ** 32 - 1)), strength: MORE_LIKE_THIS_STRENGTH },
    engine: isPatternRecipe(r) ? 'auto' : 'diffusion', // more of the same kind of design
  });
}
