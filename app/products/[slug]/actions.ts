'use server';
import { addToCart } from '@/lib/cart';
import { saveToMyDesigns } from '@/lib/saved-designs';
import { serverAction } from '@/lib/http/action';
import { ensureCart } from '@/app/_lib/cart-session';
import { safeCurrentUser } from '@/app/_components/site-data';

export interface AddToCartState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  /** Changes on every answer so the form can re-announce the same message. */
  at?: number;
}

export const addToCartAction = serverAction(
  async (_prev: AddToCartState, form: FormData): Promise<AddToCartState> => {
    const designId = String(form.get('designId') ?? '').trim();
    if (!designId) return { status: 'error', message: 'Design a pattern first: every product is printed with your own design.', at: Date.now() };
    const user = await safeCurrentUser();
    const cart = await ensureCart(user?.id ?? null);
    await addToCart(cart.id, {
      variantId: String(form.get('variantId') ?? ''),
      designId,
      quantity: form.get('quantity') ?? 1,
      repeatIn: form.get('repeatIn') ?? 4,
    });
    // A design put in the cart is one the shopper chose: it joins "My designs".
    const product = String(form.get('product') ?? '');
    await saveToMyDesigns(user ? { userId: user.id } : { cartId: cart.id }, { designId, ...(product ? { product } : {}) });
    return { status: 'ok', message: 'Added to your cart.', at: Date.now() };
  },
  (message): AddToCartState => ({ status: 'error', message, at: Date.now() }),
  { label: 'add to cart' },
);
