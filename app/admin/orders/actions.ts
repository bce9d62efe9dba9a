'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { assertRole, getCurrentUser } from '@/lib/auth';
import { serverAction } from '@/lib/http/action';
import { parseOrThrow } from '@/lib/http/errors';
import { ORDER_STATUSES, statusLabel, transitionOrder } from '@/lib/orders';

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

const orderPage = (form: FormData) => `/admin/orders/${encodeURIComponent(String(form.get('orderId') ?? ''))}`;

export const changeOrderStatusAction = serverAction(
  async (form: FormData): Promise<void> => {
    const user = await getCurrentUser();
    assertRole(user, ['ADMIN']);
    const input = parseOrThrow(transitionSchema, Object.fromEntries(form));
    await transitionOrder(input.orderId, input.to, `admin:${user.id}`, input.note ?? `Changed by ${user.email}`);
    revalidatePath(`/admin/orders/${input.orderId}`);
    revalidatePath(`/orders/${input.orderId}`);
    redirect(`${orderPage(form)}?saved=${encodeURIComponent(`Order is now ${statusLabel(input.to).toLowerCase()}.`)}`);
  },
  (message, form) => redirect(`${orderPage(form)}?error=${encodeURIComponent(message)}`),
  { label: 'admin order status' },
);
