// The factory API's shapes, in zod: what the routes parse (query, body) and what they answer (job,
// print file, list, error). The OpenAPI document (factory-openapi.ts) is generated from these same
// schemas, so the document cannot say something the routes do not do.
import { z } from 'zod';
import { sha256HexSchema } from '../design';

export const JOB_STATUSES = ['queued', 'rendering', 'ready', 'claimed', 'received', 'printed', 'shipped', 'delivered', 'failed'] as const;
export const LISTABLE_STATUSES = ['ready', 'claimed', 'received', 'printed', 'shipped', 'delivered', 'failed'] as const;

/** Job ids are cuids; anything else (NUL bytes, %, slashes, huge strings) names no job. */
export const JOB_ID = /^[a-z0-9]{1,64}$/;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// ---- input ----

export const listQuerySchema = z.object({
  status: z.enum(LISTABLE_STATUSES).default('ready').describe('`ready` lists unclaimed jobs open to any factory; other statuses list this factory’s own jobs.'),
  // Digits only ("0x10", "1e2", " 5" are refused, as the document's integer type says).
  limit: z
    .preprocess((v) => (typeof v === 'string' && /^[0-9]{1,6}$/.test(v) ? Number(v) : v), z.int().min(1).max(MAX_PAGE_SIZE))
    .optional()
    .transform((v) => v ?? DEFAULT_PAGE_SIZE)
    .describe('How many jobs to return (1–100; default 20).'),
  starting_after: z
    .string()
    .regex(JOB_ID, 'must be a job id')
    .optional()
    .describe('A job id (the `next_cursor` of the previous page): the page starts after that job. Jobs are ordered oldest first by (createdAt, id).'),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** Text of at most `max` characters (UTF-16 code units, as sent), not blank; stored trimmed. */
const text = (max: number) => z.string().max(max).regex(/\S/, 'must not be blank').trim();
const carrier = text(100);
const trackingNumber = text(100);
// Only web addresses: `javascript:`, `data:` and other schemes would end up as links in e-mails and pages.
const trackingUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, 'must be an http(s) URL')
  .max(500)
  .meta({ format: 'uri' });

export const statusSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.enum(['received', 'printed']) }).describe('The factory has the files / has printed the item.'),
    z
      .object({ status: z.literal('shipped'), carrier: carrier.optional(), trackingNumber, trackingUrl: trackingUrl.optional() })
      .describe('Handed to the carrier: trackingNumber is required.'),
    z.object({ status: z.literal('delivered') }).describe('The carrier delivered the parcel.'),
    z.object({ status: z.literal('failed'), reason: text(1000) }).describe('The factory cannot make the item: reason is required.'),
  ])
  .describe('claimed → received → printed → shipped → delivered; failed from claimed, received or printed.');
export type StatusReport = z.infer<typeof statusSchema>;

// ---- output ----

const dateTime = z.iso.datetime();

export const preflightSchema = z
  .object({
    ok: z.boolean(),
    checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
  })
  .describe('Checks run on the file before it was offered (pixel size, DPI, sRGB, no transparency, matches the preview, safe area).');

export const printFileSchema = z
  .object({
    placement: z.string().describe('Print area: front, back, wrap…'),
    url: z.url().describe('GET it with the same API key: the PNG.'),
    thumbnailUrl: z.url().nullable().describe('A small JPEG of the whole file, or null when none was made.'),
    sha256: sha256HexSchema.describe('sha256 of the PNG, hex.'),
    widthPx: z.int(),
    heightPx: z.int(),
    dpi: z.int(),
    bytes: z.int().min(0),
    engine: z.string().nullable().describe('How the art was made: seedprint-flat-vector@1, raster-sr, raster-lanczos.'),
    preflight: preflightSchema.nullable(),
  })
  .describe('A print file: PNG, sRGB, DPI recorded.');

export const jobSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    status: z.enum(JOB_STATUSES),
    product: z.string().describe('Product slug.'),
    productName: z.string(),
    variant: z.string(),
    sku: z.string(),
    quantity: z.int().min(1),
    shipTo: z
      .object({ name: z.string().nullable(), address: z.unknown().describe('Postal address as collected at checkout (line1, line2, city, state, postal_code).'), country: z.string() })
      .optional()
      .describe('Only once this factory has claimed the job.'),
    files: z.array(printFileSchema),
    note: z.string().nullable().describe('A note for the factory, e.g. why the files were replaced.'),
    filesReplacedAt: dateTime.nullable().describe('When the print files were last remade; download them again if you fetched them before.'),
    tracking: z.object({ carrier: z.string().nullable(), trackingNumber: z.string(), trackingUrl: z.string().nullable() }).optional().describe('Once shipped.'),
    claimedAt: dateTime.nullable(),
    readyAt: dateTime.nullable(),
  })
  .describe('A print job: one order item to make and ship.');
export type ApiJob = z.infer<typeof jobSchema>;

export const jobListSchema = z
  .object({
    jobs: z.array(jobSchema),
    has_more: z.boolean().describe('Whether more jobs follow this page.'),
    next_cursor: z.string().nullable().describe('Pass as `starting_after` for the next page; null on the last page.'),
  })
  .describe('One page of jobs, oldest first.');

export const jobEnvelopeSchema = z.object({ job: jobSchema });

export const errorSchema = z
  .object({
    error: z.object({
      message: z.string().describe('A sentence a person can read.'),
      code: z.string().describe('Machine-readable: invalid_input, unauthorized, not_found, already_claimed, illegal_transition, method_not_allowed, rate_limited…'),
    }),
  })
  .describe('Every error answer.');
