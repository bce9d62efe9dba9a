// Configuration, validated once at start-up. Everything optional has an embedded default so
// `npm start` works on a fresh machine; production sets the real values.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  PORT: z.coerce.number().int().positive().default(3000),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(16).default('seedprint-dev-secret-change-me-in-production'),
  // Stripe: without a key the store runs in test mode against the local Stripe-compatible server.
  STRIPE_SECRET_KEY: z.string().default('sk_test_local'),
  STRIPE_WEBHOOK_SECRET: z.string().default('whsec_local_seedprint'),
  STRIPE_API_BASE: z.string().url().optional(), // e.g. http://127.0.0.1:12111 for the local server
  LOCAL_STRIPE_PORT: z.coerce.number().int().positive().default(12111),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Seedprint <orders@seedprint.local>'),
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
  RUN_WORKER_IN_APP: bool,
});

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
  if (e.NODE_ENV === 'production' && !e.STRIPE_SECRET_KEY.startsWith('sk_test') && e.AUTH_SECRET.startsWith('seedprint-dev')) {
    throw new Error('Invalid configuration: set AUTH_SECRET when using live Stripe keys');
  }
  return { ...e, dataDir: path.resolve(e.DATA_DIR), testMode: e.STRIPE_SECRET_KEY.startsWith('sk_test') };
}

let cached: Env | undefined;
export function env(): Env {
  return (cached ??= load());
}
