'use server';
import { revalidatePath } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { updateQuantity } from '@/lib/cart';
import { HttpError } from '@/lib/http/errors';
import { startCheckout } from '@/lib/orders';
import { currentCartId } from '@/app/_lib/cart-session';
import { safeCurrentUser } from '@/app/_components/site-data';

/** Quantity stepper and "Remove" (quantity 0). Works without JavaScript. */
export async function updateQuantityAction(form: FormData): Promise<void> {
  const cartId = await currentCartId();
  let error: string | null = null;
  if (cartId) {
    try {
      await updateQuantity(cartId, { itemId: String(form.get('itemId') ?? ''), quantity: form.get('quantity') });
    } catch (err) {
      unstable_rethrow(err);
      if (!(err instanceof HttpError)) console.error('[seedprint] cart update failed', err);
      error = err instanceof HttpError ? err.message : 'Something went wrong on our side. Please try again.';
    }
  }
  revalidatePath('/cart'); // only the cart shows its lines; the header badge follows (CartCountSync)
  if (error) redirect(`/cart?error=${encodeURIComponent(error)}`);
}

export interface CheckoutState {
  error?: string;
  email?: string;
  country?: string;
}

export async function checkoutAction(_prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  const email = String(form.get('email') ?? '');
  const country = String(form.get('country') ?? '');
  let url: string;
  try {
    const user = await safeCurrentUser();
    const result = await startCheckout(await currentCartId(), { email, country }, user?.id ?? null);
    url = result.checkoutUrl;
  } catch (err) {
    unstable_rethrow(err);
    if (!(err instanceof HttpError)) console.error('[seedprint] checkout failed', err);
    return { error: err instanceof HttpError ? err.message : 'We could not start the checkout. Please try again in a moment.', email, country };
  }
  redirect(url);
}
