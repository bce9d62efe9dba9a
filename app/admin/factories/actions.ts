'use server';
// Admin: factories, their API keys (shown once, stored hashed) and outbound webhook endpoints.
import { randomBytes } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth';
import { createApiKey, createEndpoint, createFactory, revokeApiKey } from '@/lib/fulfillment';
import { serverAction } from '@/lib/http/action';
import { parseOrThrow } from '@/lib/http/errors';

export interface KeyState {
  error?: string;
  key?: string;
  secret?: string;
  ok?: string;
}

const keySchema = z.object({ factory: z.string().trim().min(2, 'needs at least 2 characters').max(100), label: z.string().trim().min(1, 'is required').max(100) });
const asState = (message: string): KeyState => ({ error: message });

export const createKeyAction = serverAction(async (_prev: KeyState, form: FormData): Promise<KeyState> => {
  await requireRole('ADMIN');
  const input = parseOrThrow(keySchema, { factory: form.get('factory'), label: form.get('label') });
  const factory = await createFactory(input.factory);
  const { key } = await createApiKey(factory.id, input.label);
  revalidatePath('/admin/factories');
  return { key, ok: `Key created for ${factory.name}. Copy it now: it is not shown again.` };
}, asState);

export const revokeKeyAction = serverAction(
  async (form: FormData): Promise<void> => {
    await requireRole('ADMIN');
    await revokeApiKey(String(form.get('keyId')));
    revalidatePath('/admin/factories');
  },
  () => undefined,
  { label: 'revoke key' },
);

const endpointSchema = z.object({ url: z.string().trim().url('must be a full URL such as https://factory.example/hooks') });

export const createEndpointAction = serverAction(async (_prev: KeyState, form: FormData): Promise<KeyState> => {
  await requireRole('ADMIN');
  const input = parseOrThrow(endpointSchema, { url: form.get('url') });
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  await createEndpoint(input.url, secret);
  revalidatePath('/admin/factories');
  return { secret, ok: 'Endpoint added. Verify deliveries with this signing secret (shown once).' };
}, asState);
