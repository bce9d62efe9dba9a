'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { assertRole, getCurrentUser } from '@/lib/auth';
import { parseOrThrow } from '@/lib/http/errors';
import { ORDER_STATUSES, statusLabel, transitionOrder } from '@/lib/orders';
import { messageOf } from '../_shared';

const transitionSchema = z.object({
  orderId: z.string().min(1),
  to: z.enum(ORDER_STATUSES, { message: 'choose a status' }),
  note: z
    .string()
    .trim()
    .max(500, 'note must be at most 500 characters')
    .optional()
    .transform((s) => s || undefined),
});

export async function changeOrderStatusAction(form: FormData): Promise<void> {
  const orderId = String(form.get('orderId') ?? '');
  let target: string;
  try {
    const user = await getCurrentUser();
    assertRole(user, ['ADMIN']);
    const input = parseOrThrow(transitionSchema, Object.fromEntries(form));
    await transitionOrder(input.orderId, input.to, `admin:${user.id}`, input.note ?? `Changed by ${user.email}`);
    revalidatePath(`/admin/orders/${orderId}`);
    revalidatePath(`/orders/${orderId}`);
    target = `/admin/orders/${encodeURIComponent(orderId)}?saved=${encodeURIComponent(`Order is now ${statusLabel(input.to).toLowerCase()}.`)}`;
  } catch (err) {
    target = `/admin/orders/${encodeURIComponent(orderId)}?error=${encodeURIComponent(messageOf(err))}`;
  }
  redirect(target);
}
