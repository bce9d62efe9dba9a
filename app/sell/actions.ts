'use server';
// Seller workspace actions. Errors come back as a readable sentence (?error=… or form state).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import { serverAction } from '@/lib/http/action';
import { publicPagesChanged } from '@/app/_lib/public-pages';
import { archiveListing, becomeSeller, chooseCover, createListing, publishListing, regeneratePhotos, updateListing, updateSellerProfile } from '@/lib/sellers';

const str = (form: FormData, k: string) => String(form.get(k) ?? '').trim();


async function signedIn() {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=/sell');
  return user;
}

const toSell = (message: string) => redirect(`/sell?error=${encodeURIComponent(message)}`);

export const becomeSellerAction = serverAction(
  async (form: FormData): Promise<void> => {
    const user = await signedIn();
    await becomeSeller(user, { shopName: str(form, 'shopName'), slug: str(form, 'slug'), bio: str(form, 'bio'), payoutEmail: str(form, 'payoutEmail') });
    revalidatePath('/', 'layout');
    redirect('/sell?welcome=1');
  },
  toSell,
  { label: 'become seller' },
);

export const updateShopAction = serverAction(
  async (form: FormData): Promise<void> => {
    const user = await signedIn();
    await updateSellerProfile(user, { shopName: str(form, 'shopName'), bio: str(form, 'bio'), payoutEmail: str(form, 'payoutEmail') });
    publicPagesChanged();
    redirect('/sell?saved=1');
  },
  toSell,
  { label: 'update shop' },
);

export interface ListingFormState {
  error?: string;
  values?: Record<string, string | string[]>;
}

/** A datetime-local value ("2026-11-25T14:30"), read as UTC (the form says so). */
const utc = (v: string) => (!v ? '' : /T\d\d:\d\d$/.test(v) ? `${v}:00Z` : /T\d\d:\d\d:\d\d$/.test(v) ? `${v}Z` : v);

/**
 * Reads the new-listing form: products are checkboxes `product` with `color_<slug>`, the price
 * of every size `price_<slug>` and each size's own `price_<slug>__<size>` (empty = every size's).
 */
function listingInput(form: FormData, catalog: { slug: string; variants: { id: string; color: string; size: string | null }[] }[]) {
  const chosen = form.getAll('product').map(String);
  const products = chosen.map((slug) => {
    const product = catalog.find((p) => p.slug === slug);
    const colors = form.getAll(`color_${slug}`).map(String);
    const all = product ? [...new Set(product.variants.map((v) => v.color))] : [];
    const variantIds = product && colors.length && colors.length < all.length ? product.variants.filter((v) => colors.includes(v.color)).map((v) => v.id) : [];
    const sizePrices: Record<string, string> = {};
    for (const size of new Set(product?.variants.map((v) => v.size).filter((x): x is string => !!x))) {
      const price = str(form, `price_${slug}__${size}`);
      if (price) sizePrices[size] = price;
    }
    const priceMinor = str(form, `price_${slug}`);
    return { product: slug, ...(priceMinor ? { priceMinor } : {}), ...(Object.keys(sizePrices).length ? { sizePrices } : {}), variantIds };
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

export const createListingAction = serverAction(
  async (_prev: ListingFormState, form: FormData): Promise<ListingFormState> => {
    const user = await signedIn();
    const { listProducts } = await import('@/lib/catalog');
    const listing = await createListing(user, listingInput(form, await listProducts()));
    revalidatePath('/sell');
    redirect(`/sell/listings/${listing.id}?created=1`);
  },
  (message, _prev, form): ListingFormState => ({ error: message, values: snapshot(form) }),
  { label: 'create listing' },
);

/** A listing's buttons: run `fn`, then back to the listing page with `ok` or ?error=…. */
function listingAction(fn: (user: Awaited<ReturnType<typeof signedIn>>, id: string, form: FormData) => Promise<unknown>, ok: string, label: string) {
  const back = (id: string, query: string) => {
    revalidatePath(`/sell/listings/${id}`);
    revalidatePath('/sell');
    redirect(`/sell/listings/${id}?${query}`);
  };
  return serverAction(
    async (form: FormData): Promise<void> => {
      const user = await signedIn();
      const id = str(form, 'listingId');
      await fn(user, id, form);
      publicPagesChanged();
      back(id, ok);
    },
    (message, form) => back(str(form, 'listingId'), `error=${encodeURIComponent(message)}`),
    { label },
  );
}

export const publishAction = listingAction((user, id) => publishListing(user, id), 'published=1', 'publish listing');
export const archiveAction = listingAction((user, id) => archiveListing(user, id), 'archived=1', 'archive listing');
export const coverAction = listingAction((user, id, form) => chooseCover(user, id, str(form, 'photoId')), 'cover=1', 'choose cover');
export const regenerateAction = listingAction((user, id) => regeneratePhotos(user, id), 'regenerating=1', 'regenerate photos');
export const updateDetailsAction = listingAction(
  (user, id, form) => updateListing(user, id, { title: str(form, 'title'), description: str(form, 'description'), tags: str(form, 'tags') }),
  'saved=1',
  'update listing',
);
