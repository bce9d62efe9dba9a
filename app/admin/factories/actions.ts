'use server';
// Admin: factories, their API keys (shown once, stored hashed) and outbound webhook endpoints.
import { randomBytes } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth';
import { createApiKey, createEndpoint, createFactory, revokeApiKey } from '@/lib/fulfillment';
import { describeZodError } from '@/lib/http/errors';

export interface KeyState {
  error?: string;
  key?: string;
  secret?: string;
  ok?: string;
}

const keySchema = z.object({ factory: z.string().trim().min(2, 'needs at least 2 characters').max(100), label: z.string().trim().min(1, 'is required').max(100) });

export async function createKeyAction(_prev: KeyState, form: FormData): Promise<KeyState> {
  await requireRole('ADMIN');
  const parsed = keySchema.safeParse({ factory: form.get('factory'), label: form.get('label') });
  if (!parsed.success) return { error: describeZodError(parsed.error) };
  const factory = await createFactory(parsed.data.factory);
  const { key } = await createApiKey(factory.id, parsed.data.label);
  revalidatePath('/admin/factories');
  return { key, ok: `Key created for ${factory.name}. Copy it now: it is not shown again.` };
}

export async function revokeKeyAction(form: FormData): Promise<void> {
  await requireRole('ADMIN');
  await revokeApiKey(String(form.get('keyId')));
  revalidatePath('/admin/factories');
}

const endpointSchema = z.object({ url: z.string().trim().url('must be a full URL such as https://factory.example/hooks') });

export async function createEndpointAction(_prev: KeyState, form: FormData): Promise<KeyState> {
  await requireRole('ADMIN');
  const parsed = endpointSchema.safeParse({ url: form.get('url') });
  if (!parsed.success) return { error: describeZodError(parsed.error) };
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  await createEndpoint(parsed.data.url, secret);
  revalidatePath('/admin/factories');
  return { secret, ok: 'Endpoint added. Verify deliveries with this signing secret (shown once).' };
}
