'use server';
// Add a listing's product to the cart at the listing price (the design and scale come from the listing).
import { addToCart } from '@/lib/cart';
import { HttpError } from '@/lib/http/errors';
import { ensureCart } from '@/app/_lib/cart-session';
import { safeCurrentUser } from '@/app/_components/site-data';

export interface ListingCartState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  at?: number;
}

export async function addListingToCartAction(_prev: ListingCartState, form: FormData): Promise<ListingCartState> {
  try {
    const user = await safeCurrentUser();
    const cart = await ensureCart(user?.id ?? null);
    await addToCart(cart.id, { listingId: String(form.get('listingId') ?? ''), variantId: String(form.get('variantId') ?? ''), quantity: form.get('quantity') ?? 1 });
  } catch (err) {
    if (err instanceof HttpError) return { status: 'error', message: err.message, at: Date.now() };
    console.error('[listings] add to cart failed', err);
    return { status: 'error', message: 'Something went wrong on our side. Please try again.', at: Date.now() };
  }
  return { status: 'ok', message: 'Added to your cart.', at: Date.now() };
}
