'use client';
// Photo gallery + product / colour / size picker + add to cart for a listing. The gallery and the
// picker share the picked product (ListingPick), so the main photo shows what the shopper picked.
import Link from 'next/link';
import { createContext, startTransition, useActionState, useContext, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { formatMoney } from '@/lib/catalog/format';
import { useSessionSummary } from '@/app/_components/session-summary';
import { addListingToCartAction, type ListingCartState } from './actions';
import { useListingCampaign } from './listing-live';

export interface BuyOffer {
  productId: string;
  slug: string;
  name: string;
  priceMinor: number;
  sizePrices: Record<string, number>;
  currency: string;
  variants: { id: string; color: string; colorHex: string; size: string | null }[];
}

export interface GalleryPhoto {
  id: string;
  url: string;
  alt: string;
  productSlug: string;
}

interface PickState {
  productSlug: string | null;
  /** a thumbnail the shopper chose; null = the picked product's first photo */
  photoId: string | null;
}
const PickContext = createContext<{ pick: PickState; setPick: (p: PickState) => void } | null>(null);

/** Holds the picked product for the gallery and the picker below it. */
export function ListingPick({ initialProductSlug, children }: { initialProductSlug: string | null; children: ReactNode }) {
  const [pick, setPick] = useState<PickState>({ productSlug: initialProductSlug, photoId: null });
  return <PickContext value={{ pick, setPick }}>{children}</PickContext>;
}

function usePick() {
  const ctx = useContext(PickContext);
  if (!ctx) throw new Error('ListingGallery and ListingBuy must be inside <ListingPick>');
  return ctx;
}

/** The main photo: the thumbnail chosen, else the cover when it shows the picked product, else that product's first photo. */
function mainPhoto(photos: GalleryPhoto[], coverId: string | null, pick: PickState): GalleryPhoto | undefined {
  const chosen = photos.find((p) => p.id === pick.photoId);
  if (chosen) return chosen;
  const cover = photos.find((p) => p.id === coverId);
  if (cover && (!pick.productSlug || cover.productSlug === pick.productSlug)) return cover;
  return photos.find((p) => p.productSlug === pick.productSlug) ?? cover ?? photos[0];
}

export function ListingGallery({ photos, coverId }: { photos: GalleryPhoto[]; coverId: string | null }) {
  const { pick, setPick } = usePick();
  const photo = mainPhoto(photos, coverId, pick);
  if (!photo) return <div className="aspect-square w-full rounded-3xl bg-stone-100" />;
  return (
    <div>
      <div className="overflow-hidden rounded-3xl border border-stone-200 bg-stone-50">
        <img src={photo.url} alt={photo.alt} className="aspect-square w-full object-cover" data-testid="gallery-main" data-product={photo.productSlug} />
      </div>
      {photos.length > 1 ? (
        <ul className="mt-3 grid grid-cols-5 gap-2" aria-label="More photos">
          {photos.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => setPick({ ...pick, photoId: p.id })}
                aria-label={`Show ${p.alt}`}
                aria-pressed={p.id === photo.id}
                className={`block overflow-hidden rounded-xl border ${p.id === photo.id ? 'border-brand-600 ring-2 ring-brand-600/30' : 'border-stone-200 hover:border-stone-400'}`}
              >
                <img src={p.url} alt="" className="aspect-square w-full object-cover" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const unique = <T,>(xs: T[]) => [...new Set(xs)];

/** "$19.00" or "from $19.00" when the sizes are priced differently. */
function offerPrice(o: BuyOffer): string {
  const prices = Object.values(o.sizePrices);
  const varies = prices.length > 1 && Math.max(...prices) !== Math.min(...prices);
  return `${varies ? 'from ' : ''}${formatMoney(o.priceMinor, o.currency)}`;
}

export function ListingBuy({ listingId, offers }: { listingId: string; offers: BuyOffer[] }) {
  const { pick, setPick } = usePick();
  const { closed, preorder } = useListingCampaign();
  const offer = offers.find((o) => o.slug === pick.productSlug) ?? offers[0];
  const colors = useMemo(() => unique(offer?.variants.map((v) => v.color) ?? []), [offer]);
  const [color, setColor] = useState(colors[0]);
  const activeColor = colors.includes(color) ? color : colors[0];
  const sizes = unique(offer?.variants.filter((v) => v.color === activeColor).map((v) => v.size).filter((s): s is string => !!s) ?? []);
  const [size, setSize] = useState<string | null>(null);
  const activeSize = size && sizes.includes(size) ? size : sizes.includes('M') ? 'M' : (sizes[0] ?? null);
  const variant = offer?.variants.find((v) => v.color === activeColor && (v.size ?? null) === activeSize) ?? offer?.variants.find((v) => v.color === activeColor);
  const unitMinor = offer ? ((variant?.size ? offer.sizePrices[variant.size] : undefined) ?? offer.priceMinor) : 0;
  const sizesPriced = new Set(sizes.map((s) => offer?.sizePrices[s] ?? offer?.priceMinor)).size > 1;
  const [quantity, setQuantity] = useState(1);
  const { addOptimistic, refresh } = useSessionSummary();
  const [state, formAction, pending] = useActionState(async (prev: ListingCartState, form: FormData) => {
    addOptimistic(Number(form.get('quantity')) || 1);
    const result = await addListingToCartAction(prev, form);
    await refresh();
    return result;
  }, { status: 'idle' } as ListingCartState);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };
  if (!offer) return null;

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="Choose and add to cart">
      <input type="hidden" name="listingId" value={listingId} />
      <input type="hidden" name="variantId" value={variant?.id ?? ''} />
      <fieldset>
        <legend className="label">Product</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {offers.map((o) => (
            <label key={o.productId} className="flex cursor-pointer items-center justify-between gap-2 rounded-xl border border-stone-200 px-3 py-2 text-sm has-checked:border-brand-600 has-checked:ring-2 has-checked:ring-brand-600/30">
              <span className="flex items-center gap-2">
                <input type="radio" name="product" value={o.productId} checked={o.productId === offer.productId} onChange={() => setPick({ productSlug: o.slug, photoId: null })} className="accent-brand-700" />
                {o.name}
              </span>
              <span className="font-semibold whitespace-nowrap">{offerPrice(o)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="label">
          Colour: <span className="font-normal">{activeColor}</span>
        </legend>
        <div className="flex flex-wrap gap-2">
          {colors.map((c) => {
            const hex = offer.variants.find((v) => v.color === c)?.colorHex ?? '#fff';
            return (
              <label key={c} className="cursor-pointer">
                <input type="radio" name="color" value={c} checked={c === activeColor} onChange={() => setColor(c)} className="peer sr-only" />
                <span className="block size-9 rounded-full ring-1 ring-stone-300 peer-checked:ring-3 peer-checked:ring-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600" style={{ background: hex }} title={c} />
                <span className="sr-only">{c}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {sizes.length ? (
        <fieldset>
          <legend className="label">Size</legend>
          <div className="flex flex-wrap gap-2">
            {sizes.map((s) => (
              <label key={s} className="cursor-pointer">
                <input type="radio" name="size" value={s} checked={s === activeSize} onChange={() => setSize(s)} className="peer sr-only" />
                <span className="inline-flex min-w-11 flex-col items-center rounded-lg border border-stone-300 px-3 py-1.5 text-sm font-medium peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600">
                  {s}
                  {sizesPriced ? <span className="text-xs font-normal tabular-nums opacity-80">{formatMoney(offer.sizePrices[s] ?? offer.priceMinor, offer.currency)}</span> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="quantity" className="label">
            Quantity
          </label>
          <input id="quantity" name="quantity" type="number" min={1} max={99} value={quantity} onChange={(e) => setQuantity(Math.max(1, Math.min(99, Number(e.target.value) || 1)))} className="field w-20" />
        </div>
        <button type="submit" className="btn-primary flex-1" disabled={pending || !!closed || !variant}>
          {pending ? 'Adding…' : preorder ? `Pre-order · ${formatMoney(unitMinor * quantity, offer.currency)}` : `Add to cart · ${formatMoney(unitMinor * quantity, offer.currency)}`}
        </button>
      </div>
      {closed ? <p className="text-sm text-stone-600">{closed}</p> : null}
      {preorder && !closed ? <p className="text-xs text-stone-600">Your card is authorised now and charged only if the campaign reaches its minimum. If it does not, the hold is released and nothing is charged.</p> : null}
      {state.status !== 'idle' ? (
        <p key={state.at} role={state.status === 'error' ? 'alert' : 'status'} className={`text-sm font-medium ${state.status === 'error' ? 'text-red-700' : 'text-brand-800'}`}>
          {state.message}{' '}
          {state.status === 'ok' ? (
            <Link href="/cart" className="link">
              View cart
            </Link>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}
