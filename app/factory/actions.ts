'use server';
// Factory console mutations: the same domain calls as the factory API, with the staff session.
import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth';
import { claim, factoryForUser, reportStatus, statusSchema } from '@/lib/fulfillment';
import { HttpError, describeZodError } from '@/lib/http/errors';

export interface ActionState {
  error?: string;
  ok?: string;
}

async function factoryId() {
  const user = await requireRole('FACTORY', 'ADMIN');
  return factoryForUser(user.id);
}

export async function claimJobAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const job = await claim(String(form.get('jobId')), await factoryId());
    revalidatePath('/factory');
    return { ok: `Claimed job for order ${job.orderNumber}.` };
  } catch (err) {
    return { error: err instanceof HttpError ? err.message : 'Could not claim the job.' };
  }
}

export async function reportStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = statusSchema.safeParse({
    status: form.get('status'),
    carrier: form.get('carrier') || undefined,
    trackingNumber: form.get('trackingNumber') || undefined,
    trackingUrl: form.get('trackingUrl') || undefined,
    reason: form.get('reason') || undefined,
  });
  if (!parsed.success) return { error: describeZodError(parsed.error) };
  try {
    const job = await reportStatus(String(form.get('jobId')), await factoryId(), parsed.data);
    revalidatePath('/factory');
    return { ok: `Order ${job.orderNumber}: ${parsed.data.status}.` };
  } catch (err) {
    return { error: err instanceof HttpError ? err.message : 'Could not update the job.' };
  }
}
