// Configuration, validated once at start-up. Everything optional has an embedded default so
// `npm start` works on a fresh machine; production sets the real values.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** The development AUTH_SECRET: public (it is in this file), so never accepted in production. */
export const DEV_AUTH_SECRET = 'seedprint-dev-secret-change-me-in-production';

const bool = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/**
 * DATA_DIR's default: `.data`; as root `/var/lib/seedprint`, because the embedded PostgreSQL then
 * runs as the unprivileged `postgres` user, which often cannot enter the checkout (a `mktemp -d`
 * folder, /root). A `.data` that already holds a database stays in use.
 */
export function defaultDataDir(): string {
  if (process.getuid?.() !== 0) return '.data';
  return fs.existsSync(path.join('.data', 'pg', 'PG_VERSION')) ? '.data' : '/var/lib/seedprint';
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(defaultDataDir),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  PORT: z.coerce.number().int().positive().default(3000),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(16).default(DEV_AUTH_SECRET),
  // Stripe: without a key the store runs in test mode against the local Stripe-compatible server.
  STRIPE_SECRET_KEY: z.string().default('sk_test_local'),
  STRIPE_WEBHOOK_SECRET: z.string().default('whsec_local_seedprint'),
  STRIPE_API_BASE: z.string().url().optional(), // e.g. http://127.0.0.1:12111 for the local server
  LOCAL_STRIPE_PORT: z.coerce.number().int().positive().default(12111),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Seedprint <orders@seedprint.local>'),
  // /dev/outbox: on outside production unless 0; in production only when explicitly 1 (npm start
  // sets it on a test-mode store without SMTP). Either way only staff or loopback may read it.
  DEV_OUTBOX: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true')),
  STORAGE_BACKEND: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool,
  GENERATION_BACKEND: z.enum(['embedded', 'sd-onnx']).default('embedded'),
  GENERATION_MODEL_DIR: z.string().optional(),
  GENERATION_MAX_CONCURRENT: z.coerce.number().int().positive().default(2),
  GENERATION_QUEUE_MAX: z.coerce.number().int().min(0).default(16), // renders waiting; more get 503
  GENERATION_INTRA_OP_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  GENERATION_EXECUTION_PROVIDER: z.enum(['auto', 'cpu', 'cuda']).default('auto'),
  // ORT threads busy-wait between ops by default, burning cores other requests need. Off unless asked.
  GENERATION_ORT_SPIN: z.enum(['0', '1']).default('0'),
  GENERATION_RATE_BURST: z.coerce.number().int().positive().default(10),
  GENERATION_RATE_PER_MINUTE: z.coerce.number().positive().default(10),
  // Pattern designs: the diffusion model draws each candidate's tone-on-tone ground (0 = flat grounds), in this many sampler steps.
  PATTERN_GROUND: z.enum(['0', '1']).default('1'),
  PATTERN_GROUND_STEPS: z.coerce.number().int().min(1).max(50).default(2),
  // Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated):
  // only a request whose socket comes from one of them is keyed on the address it forwards.
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrCidr), { message: 'must be IP addresses or CIDR ranges, comma-separated (e.g. 10.0.0.0/8, ::1)' }),
  // Factory API: requests each API key may make per window (429 with Retry-After past it), counted in PostgreSQL.
  FACTORY_API_RATE_LIMIT: z.coerce.number().int().positive().default(300),
  FACTORY_API_RATE_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(60),
  RUN_WORKER_IN_APP: bool,
  // /metrics: the bearer token a scraper sends (required in production; loopback suffices in test mode).
  METRICS_TOKEN: z.string().min(16).optional(),
  // `npm run worker` serves its own /metrics on this port (unset: none); the same token rules apply.
  WORKER_METRICS_PORT: z.coerce.number().int().positive().optional(),
  // On SIGTERM a worker lets its current job run this long, then hands it back to the queue.
  WORKER_STOP_GRACE_S: z.coerce.number().int().min(1).max(3600).default(10),
  // On SIGTERM an app process stops listening and gives the requests in flight this long to finish.
  APP_STOP_GRACE_S: z.coerce.number().int().min(1).max(3600).default(20),
  // JSON log lines at this level and above; unset: info, and warn under the test runner (quiet test output).
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  // Queue (pg-boss): how long a print render's worker may stay silent (it heartbeats every third
  // of this while rendering) before the job counts as dead and is retried, and how often dead
  // jobs are looked for.
  QUEUE_EXPIRE_SECONDS: z.coerce.number().int().positive().default(35),
  QUEUE_MAINTENANCE_SECONDS: z.coerce.number().int().positive().default(10),
  // Campaign deadlines are checked this often (seconds) besides the once-a-minute schedule; 0 = only that.
  CAMPAIGN_SWEEP_SECONDS: z.coerce.number().min(0).default(5),
  MOCKUP_TEMPLATES_DIR: z.string().optional(),
  // 1 = mockups render on the calling thread only (no worker thread).
  MOCKUP_THREADS: z.coerce.number().int().positive().optional(),
  TRYON_MODEL_DIR: z.string().optional(),
  // Super-resolution passes for print art that is not flat (4 = one pass; 16 = two, ~15× slower on CPU).
  PRINT_SR_FACTOR: z.coerce.number().pipe(z.union([z.literal(4), z.literal(16)])).default(4),
});

function isAddressOrCidr(v: string): boolean {
  const [addr, bits, ...rest] = v.split('/');
  const family = net.isIP(addr);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

export type Env = z.infer<typeof schema> & { dataDir: string; testMode: boolean };

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.STORAGE_BACKEND === 's3' && (!e.S3_BUCKET || !e.S3_ENDPOINT)) {
    throw new Error('Invalid configuration: STORAGE_BACKEND=s3 needs S3_ENDPOINT and S3_BUCKET');
  }
  // The default secret is public: sessions and guest order links signed with it can be forged.
  // (`next build` prerenders with NODE_ENV=production but signs nothing, so it may go without.)
  if (e.NODE_ENV === 'production' && e.AUTH_SECRET === DEV_AUTH_SECRET && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('Invalid configuration: AUTH_SECRET must be set in production (the default is public); e.g. AUTH_SECRET=$(openssl rand -hex 32)');
  }
  return { ...e, dataDir: path.resolve(e.DATA_DIR), testMode: e.STRIPE_SECRET_KEY.startsWith('sk_test') };
}

let cached: Env | undefined;
export function env(): Env {
  return (cached ??= load());
}

/** The schema's keys: every setting the store reads (the README's settings table lists the same). */
export const SETTINGS: readonly string[] = Object.keys(schema.shape);

/**
 * DATABASE_URL, read when a connection is first opened rather than with the rest: `npm start` and
 * the test set-up point it at a database they start after the process began.
 */
export function databaseUrl(): string | undefined {
  return schema.shape.DATABASE_URL.parse(process.env.DATABASE_URL || undefined);
}

/** The environment a child process (prisma, postgres) inherits, with `extra` on top. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * Switches for tests and debugging, never set in production and read live (a test may flip one
 * between calls): LISTING_PHOTOS_RENDER / _MOCKUP / _TRYON = 0 leave the slow photo sources out;
 * TRYON_DEBUG logs the garment painter's stages; TRYON_DEBUG_DIR receives its class maps.
 */
export type DebugSwitch = 'LISTING_PHOTOS_RENDER' | 'LISTING_PHOTOS_MOCKUP' | 'LISTING_PHOTOS_TRYON' | 'TRYON_DEBUG' | 'TRYON_DEBUG_DIR';
export function debugSwitch(name: DebugSwitch): string | undefined {
  return process.env[name] || undefined;
}

/**
 * `npm start` on a test-mode store (no live Stripe key) without AUTH_SECRET: a random secret kept
 * in DATA_DIR/auth-secret (mode 0600), so a fresh machine starts without configuration and still
 * never runs production on the public default. Sets process.env.AUTH_SECRET; returns the file
 * used, or null when AUTH_SECRET is already set or live keys demand an explicit one.
 */
export function ensureLocalAuthSecret(): string | null {
  if (process.env.AUTH_SECRET) return null;
  const key = process.env.STRIPE_SECRET_KEY;
  if (key && !key.startsWith('sk_test')) return null;
  const dir = path.resolve(schema.shape.DATA_DIR.parse(process.env.DATA_DIR));
  const file = path.join(dir, 'auth-secret');
  fs.mkdirSync(dir, { recursive: true });
  let secret = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (secret.length < 32) {
    secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret;
  return file;
}
