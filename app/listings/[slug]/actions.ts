'use server';
// Add a listing's product to the cart at the listing price (the design and scale come from the listing).
import { addToCart } from '@/lib/cart';
import { serverAction } from '@/lib/http/action';
import { ensureCart } from '@/app/_lib/cart-session';
import { safeCurrentUser } from '@/app/_components/site-data';

export interface ListingCartState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  at?: number;
}

export const addListingToCartAction = serverAction(
  async (_prev: ListingCartState, form: FormData): Promise<ListingCartState> => {
    const user = await safeCurrentUser();
    const cart = await ensureCart(user?.id ?? null);
    await addToCart(cart.id, { listingId: String(form.get('listingId') ?? ''), variantId: String(form.get('variantId') ?? ''), quantity: form.get('quantity') ?? 1 });
    return { status: 'ok', message: 'Added to your cart.', at: Date.now() };
  },
  (message): ListingCartState => ({ status: 'error', message, at: Date.now() }),
  { label: 'listing add to cart' },
);
