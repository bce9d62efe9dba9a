'use server';
import { unstable_rethrow } from 'next/navigation';
import { addToCart } from '@/lib/cart';
import { HttpError } from '@/lib/http/errors';
import { ensureCart } from '@/app/_lib/cart-session';
import { safeCurrentUser } from '@/app/_components/site-data';

export interface AddToCartState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  /** Changes on every answer so the form can re-announce the same message. */
  at?: number;
}

export async function addToCartAction(_prev: AddToCartState, form: FormData): Promise<AddToCartState> {
  const designId = String(form.get('designId') ?? '').trim();
  if (!designId) return { status: 'error', message: 'Design a pattern first: every product is printed with your own design.', at: Date.now() };
  try {
    const user = await safeCurrentUser();
    const cart = await ensureCart(user?.id ?? null);
    await addToCart(cart.id, {
      variantId: String(form.get('variantId') ?? ''),
      designId,
      quantity: form.get('quantity') ?? 1,
      repeatIn: form.get('repeatIn') ?? 4,
    });
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof HttpError) return { status: 'error', message: err.message, at: Date.now() };
    console.error('[seedprint] add to cart failed', err);
    return { status: 'error', message: 'Something went wrong on our side. Please try again.', at: Date.now() };
  }
  return { status: 'ok', message: 'Added to your cart.', at: Date.now() };
}
