'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { updateQuantity } from '@/lib/cart';
import { serverAction } from '@/lib/http/action';
import { startCheckout } from '@/lib/orders';
import { currentCartId } from '@/app/_lib/cart-session';
import { safeCurrentUser } from '@/app/_components/site-data';

/** Quantity stepper and "Remove" (quantity 0). Works without JavaScript. */
export const updateQuantityAction = serverAction(
  async (form: FormData): Promise<void> => {
    const cartId = await currentCartId();
    if (cartId) await updateQuantity(cartId, { itemId: String(form.get('itemId') ?? ''), quantity: form.get('quantity') });
    revalidatePath('/cart'); // only the cart shows its lines; the header badge follows (CartCountSync)
  },
  (message) => {
    revalidatePath('/cart');
    redirect(`/cart?error=${encodeURIComponent(message)}`);
  },
  { label: 'cart update' },
);

export interface CheckoutState {
  error?: string;
  email?: string;
  country?: string;
}

export const checkoutAction = serverAction(
  async (_prev: CheckoutState, form: FormData): Promise<CheckoutState> => {
    const user = await safeCurrentUser();
    const result = await startCheckout(await currentCartId(), { email: String(form.get('email') ?? ''), country: String(form.get('country') ?? '') }, user?.id ?? null);
    redirect(result.checkoutUrl);
  },
  (message, _prev, form) => ({ error: message, email: String(form.get('email') ?? ''), country: String(form.get('country') ?? '') }),
  { label: 'checkout', fallback: 'We could not start the checkout. Please try again in a moment.' },
);
