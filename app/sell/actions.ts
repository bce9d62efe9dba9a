'use server';
// Seller workspace actions. Errors come back as a readable sentence (?error=… or form state).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import { HttpError } from '@/lib/http/errors';
import { archiveListing, becomeSeller, chooseCover, createListing, publishListing, regeneratePhotos, updateListing, updateSellerProfile } from '@/lib/sellers';

const str = (form: FormData, k: string) => String(form.get(k) ?? '').trim();

function message(err: unknown): string {
  if (err instanceof HttpError) return err.message;
  console.error('[sell] action failed', err);
  return 'Something went wrong on our side. Please try again.';
}

async function signedIn() {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=/sell');
  return user;
}

export async function becomeSellerAction(form: FormData): Promise<void> {
  const user = await signedIn();
  try {
    await becomeSeller(user, { shopName: str(form, 'shopName'), slug: str(form, 'slug'), bio: str(form, 'bio'), payoutEmail: str(form, 'payoutEmail') });
  } catch (err) {
    redirect(`/sell?error=${encodeURIComponent(message(err))}`);
  }
  revalidatePath('/', 'layout');
  redirect('/sell?welcome=1');
}

export async function updateShopAction(form: FormData): Promise<void> {
  const user = await signedIn();
  try {
    await updateSellerProfile(user, { shopName: str(form, 'shopName'), bio: str(form, 'bio'), payoutEmail: str(form, 'payoutEmail') });
  } catch (err) {
    redirect(`/sell?error=${encodeURIComponent(message(err))}`);
  }
  redirect('/sell?saved=1');
}

export interface ListingFormState {
  error?: string;
  values?: Record<string, string | string[]>;
}

/** A datetime-local value ("2026-11-25T14:30"), read as UTC (the form says so). */
const utc = (v: string) => (!v ? '' : /T\d\d:\d\d$/.test(v) ? `${v}:00Z` : /T\d\d:\d\d:\d\d$/.test(v) ? `${v}Z` : v);

/** Reads the new-listing form: products are checkboxes `product` with `price_<slug>` and `color_<slug>`. */
function listingInput(form: FormData, catalog: { slug: string; variants: { id: string; color: string }[] }[]) {
  const chosen = form.getAll('product').map(String);
  const products = chosen.map((slug) => {
    const product = catalog.find((p) => p.slug === slug);
    const colors = form.getAll(`color_${slug}`).map(String);
    const all = product ? [...new Set(product.variants.map((v) => v.color))] : [];
    const variantIds = product && colors.length && colors.length < all.length ? product.variants.filter((v) => colors.includes(v.color)).map((v) => v.id) : [];
    return { product: slug, priceMinor: str(form, `price_${slug}`), variantIds };
  });
  const campaign =
    form.get('campaign') === 'on'
      ? { minOrders: str(form, 'minOrders'), deadline: utc(str(form, 'deadline')) }
      : null;
  return {
    design: str(form, 'design') || str(form, 'designPick'),
    title: str(form, 'title'),
    description: str(form, 'description'),
    tags: str(form, 'tags'),
    repeatIn: str(form, 'repeatIn') || '4',
    products,
    campaign,
  };
}

function snapshot(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$')) continue;
    const all = form.getAll(key).map(String);
    out[key] = key === 'product' || key.startsWith('color_') ? all : all[0];
  }
  return out;
}

export async function createListingAction(_prev: ListingFormState, form: FormData): Promise<ListingFormState> {
  const user = await signedIn();
  const { listProducts } = await import('@/lib/catalog');
  let id: string;
  try {
    const listing = await createListing(user, listingInput(form, await listProducts()));
    id = listing.id;
  } catch (err) {
    return { error: message(err), values: snapshot(form) };
  }
  revalidatePath('/sell');
  redirect(`/sell/listings/${id}?created=1`);
}

async function listingAction(id: string, fn: () => Promise<unknown>, ok: string): Promise<void> {
  let error: string | null = null;
  try {
    await fn();
  } catch (err) {
    error = message(err);
  }
  revalidatePath(`/sell/listings/${id}`);
  revalidatePath('/sell');
  redirect(`/sell/listings/${id}?${error ? `error=${encodeURIComponent(error)}` : ok}`);
}

export async function publishAction(form: FormData): Promise<void> {
  const user = await signedIn();
  const id = str(form, 'listingId');
  await listingAction(id, () => publishListing(user, id), 'published=1');
}

export async function archiveAction(form: FormData): Promise<void> {
  const user = await signedIn();
  const id = str(form, 'listingId');
  await listingAction(id, () => archiveListing(user, id), 'archived=1');
}

export async function coverAction(form: FormData): Promise<void> {
  const user = await signedIn();
  const id = str(form, 'listingId');
  await listingAction(id, () => chooseCover(user, id, str(form, 'photoId')), 'cover=1');
}

export async function regenerateAction(form: FormData): Promise<void> {
  const user = await signedIn();
  const id = str(form, 'listingId');
  await listingAction(id, () => regeneratePhotos(user, id), 'regenerating=1');
}

export async function updateDetailsAction(form: FormData): Promise<void> {
  const user = await signedIn();
  const id = str(form, 'listingId');
  await listingAction(id, () => updateListing(user, id, { title: str(form, 'title'), description: str(form, 'description'), tags: str(form, 'tags') }), 'saved=1');
}
