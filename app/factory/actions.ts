'use server';
// Factory console mutations: the same domain calls as the factory API, with the staff session.
import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth';
import { claim, factoryForUser, reportStatus, statusSchema } from '@/lib/fulfillment';
import { serverAction } from '@/lib/http/action';
import { parseOrThrow } from '@/lib/http/errors';

export interface ActionState {
  error?: string;
  ok?: string;
}

async function factoryId() {
  const user = await requireRole('FACTORY', 'ADMIN');
  return factoryForUser(user.id);
}

export const claimJobAction = serverAction(
  async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const job = await claim(String(form.get('jobId')), await factoryId());
    revalidatePath('/factory');
    return { ok: `Claimed job for order ${job.orderNumber}.` };
  },
  (message): ActionState => ({ error: message }),
  { label: 'factory claim', fallback: 'Could not claim the job.' },
);

export const reportStatusAction = serverAction(
  async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const input = parseOrThrow(statusSchema, {
      status: form.get('status'),
      carrier: form.get('carrier') || undefined,
      trackingNumber: form.get('trackingNumber') || undefined,
      trackingUrl: form.get('trackingUrl') || undefined,
      reason: form.get('reason') || undefined,
    });
    const job = await reportStatus(String(form.get('jobId')), await factoryId(), input);
    revalidatePath('/factory');
    return { ok: `Order ${job.orderNumber}: ${input.status}.` };
  },
  (message): ActionState => ({ error: message }),
  { label: 'factory status', fallback: 'Could not update the job.' },
);
