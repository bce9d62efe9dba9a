'use client';
// The new-listing form. Works as a plain form; errors come back with the entered values.
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { formatMoney } from '@/lib/catalog/format';
import { REPEAT_IN } from '@/lib/design/limits';
import { SubmitButton } from '@/app/_components/submit-button';
import { createListingAction, type ListingFormState } from '../../actions';

export interface FormProduct {
  slug: string;
  name: string;
  floorMinor: number;
  costMinor: number;
  retailMinor: number;
  colors: { color: string; hex: string }[];
  /** each size's floor and store price (empty for a sizeless product) */
  sizes: { size: string; floorMinor: number; costMinor: number; retailMinor: number }[];
}

interface Props {
  products: FormProduct[];
  designs: { id: string; prompt: string }[];
  initialDesign: string;
  deadlineMin: string;
  deadlineMax: string;
  deadlineDefault: string;
  maxDays: number;
}

const dollars = (minor: number) => (minor / 100).toFixed(2);
const sizeId = (slug: string, size: string) => `price_${slug}_${size.replace(/[^A-Za-z0-9]+/g, '')}`;

/**
 * A sized product's prices: one field per size (its floor beside it), plus "every size" which
 * fills them all. Without JavaScript a size left empty takes the "every size" price.
 */
function SizePrices({ product, initial, base }: { product: FormProduct; initial: (k: string) => string | undefined; base: string | undefined }) {
  const [prices, setPrices] = useState(() => Object.fromEntries(product.sizes.map((s) => [s.size, initial(`price_${product.slug}__${s.size}`) ?? dollars(Math.max(s.floorMinor, s.retailMinor))])));
  const [all, setAll] = useState(base ?? '');
  return (
    <div className="mt-2 rounded-xl bg-stone-50 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`price_${product.slug}`} className="text-sm text-stone-700">
          Every size $
        </label>
        <input
          id={`price_${product.slug}`}
          name={`price_${product.slug}`}
          inputMode="decimal"
          className="field w-24"
          placeholder="set all"
          value={all}
          onChange={(e) => {
            setAll(e.target.value);
            if (e.target.value.trim()) setPrices(Object.fromEntries(product.sizes.map((s) => [s.size, e.target.value])));
          }}
        />
        <span className="text-xs text-stone-500">or price each size:</span>
      </div>
      <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3" aria-label={`${product.name} prices per size`}>
        {product.sizes.map((s) => (
          <li key={s.size}>
            <label htmlFor={sizeId(product.slug, s.size)} className="block text-xs font-medium text-stone-800">
              {s.size}
            </label>
            <div className="flex items-center gap-1">
              <span className="text-sm text-stone-500">$</span>
              <input
                id={sizeId(product.slug, s.size)}
                name={`price_${product.slug}__${s.size}`}
                inputMode="decimal"
                className="field w-24"
                value={prices[s.size] ?? ''}
                onChange={(e) => setPrices({ ...prices, [s.size]: e.target.value })}
                aria-describedby={`${sizeId(product.slug, s.size)}_floor`}
              />
            </div>
            <p id={`${sizeId(product.slug, s.size)}_floor`} className="mt-0.5 text-[11px] leading-tight text-stone-500">
              floor {formatMoney(s.floorMinor)} · store {formatMoney(s.retailMinor)}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ListingForm({ products, designs, initialDesign, deadlineMin, deadlineMax, deadlineDefault, maxDays }: Props) {
  const [state, action] = useActionState<ListingFormState, FormData>(createListingAction, {});
  const v = state.values ?? {};
  const val = (k: string, d = '') => (typeof v[k] === 'string' ? (v[k] as string) : d);
  const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : typeof v[k] === 'string' ? [v[k] as string] : null);
  const [campaign, setCampaign] = useState(v.campaign === 'on');
  const chosen = list('product') ?? ['tee'];

  return (
    <form action={action} className="mt-8 grid gap-8 lg:grid-cols-[1fr_360px]" key={JSON.stringify(v)}>
      <div className="space-y-8">
        {state.error ? (
          <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm font-medium text-red-800 ring-1 ring-red-200">
            {state.error}
          </p>
        ) : null}
        <fieldset className="card p-5">
          <legend className="px-1 text-base font-semibold text-stone-900">Design</legend>
          {designs.length ? (
            <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
              {designs.map((d) => (
                <label key={d.id} className="group cursor-pointer rounded-xl border border-stone-200 p-2 text-xs text-stone-700 has-checked:border-brand-600 has-checked:ring-2 has-checked:ring-brand-600/30">
                  <input type="radio" name="designPick" value={d.id} className="sr-only" defaultChecked={val('designPick') === d.id} />
                  <img src={`/r/${d.id}.png`} alt="" className="aspect-square w-full rounded-lg bg-stone-100 object-cover" />
                  <span className="mt-1 line-clamp-2 block">{d.prompt}</span>
                </label>
              ))}
            </div>
          ) : (
            <p className="mt-1 text-sm text-stone-600">
              You have no saved designs yet: make one in the <Link href="/design" className="link">studio</Link>, or paste a design id below.
            </p>
          )}
          <label htmlFor="design" className="label mt-4">
            …or paste a design id or its image URL
          </label>
          <input id="design" name="design" className="field font-mono text-xs" placeholder="e.g. 3f2a… (64 hex characters) or /r/3f2a….png" defaultValue={val('design', initialDesign)} />
        </fieldset>

        <fieldset className="card p-5">
          <legend className="px-1 text-base font-semibold text-stone-900">Products and prices</legend>
          <ul className="mt-2 divide-y divide-stone-100">
            {products.map((p) => {
              const colors = list(`color_${p.slug}`);
              return (
                <li key={p.slug} className="py-4" data-testid={`product-${p.slug}`}>
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <label className="flex items-center gap-2 font-medium text-stone-900">
                      <input type="checkbox" name="product" value={p.slug} defaultChecked={chosen.includes(p.slug)} className="size-4 accent-brand-700" />
                      {p.name}
                    </label>
                    {p.sizes.length === 0 ? (
                      <div className="flex items-center gap-2">
                        <label htmlFor={`price_${p.slug}`} className="text-sm text-stone-600">
                          Price $
                        </label>
                        <input
                          id={`price_${p.slug}`}
                          name={`price_${p.slug}`}
                          inputMode="decimal"
                          className="field w-24"
                          defaultValue={val(`price_${p.slug}`, dollars(Math.max(p.floorMinor, p.retailMinor)))}
                          aria-describedby={`floor_${p.slug}`}
                        />
                      </div>
                    ) : null}
                  </div>
                  {p.sizes.length === 0 ? (
                    <p id={`floor_${p.slug}`} className="mt-1 text-xs text-stone-500">
                      Floor {formatMoney(p.floorMinor)} (cost {formatMoney(p.costMinor)} + margin) · store price {formatMoney(p.retailMinor)}
                    </p>
                  ) : (
                    <SizePrices product={p} initial={(k) => (typeof v[k] === 'string' ? (v[k] as string) : undefined)} base={typeof v[`price_${p.slug}`] === 'string' ? (v[`price_${p.slug}`] as string) : undefined} />
                  )}
                  <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={`${p.name} colours`}>
                    {p.colors.map((c) => (
                      <label key={c.color} className="inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-stone-200 px-2.5 py-1 text-xs text-stone-700 has-checked:border-brand-600 has-checked:bg-brand-50">
                        <input type="checkbox" name={`color_${p.slug}`} value={c.color} defaultChecked={!colors || colors.includes(c.color)} className="sr-only" />
                        <span aria-hidden="true" className="size-3 rounded-full ring-1 ring-stone-300" style={{ background: c.hex }} />
                        {c.color}
                      </label>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </div>

      <div className="space-y-6">
        <fieldset className="card space-y-4 p-5">
          <legend className="px-1 text-base font-semibold text-stone-900">Listing</legend>
          <div>
            <label htmlFor="title" className="label">
              Title
            </label>
            <input id="title" name="title" required minLength={3} maxLength={120} className="field" defaultValue={val('title')} />
          </div>
          <div>
            <label htmlFor="description" className="label">
              Description
            </label>
            <textarea id="description" name="description" rows={4} maxLength={5000} className="field" defaultValue={val('description')} />
          </div>
          <div>
            <label htmlFor="tags" className="label">
              Tags <span className="font-normal text-stone-500">(comma separated)</span>
            </label>
            <input id="tags" name="tags" className="field" placeholder="hearts, valentine, navy" defaultValue={val('tags')} />
          </div>
          <div>
            <label htmlFor="repeatIn" className="label">
              Pattern repeat (inches)
            </label>
            <input id="repeatIn" name="repeatIn" type="number" min={REPEAT_IN.min} max={REPEAT_IN.max} step={REPEAT_IN.step} className="field w-28" defaultValue={val('repeatIn', '4')} />
          </div>
        </fieldset>

        <fieldset className="card space-y-4 p-5">
          <legend className="px-1 text-base font-semibold text-stone-900">Sell first, build later</legend>
          <label className="flex items-start gap-2 text-sm text-stone-700">
            <input type="checkbox" name="campaign" className="mt-0.5 size-4 accent-brand-700" checked={campaign} onChange={(e) => setCampaign(e.target.checked)} />
            <span>Run as a campaign: buyers’ cards are authorised, charged only if the minimum is reached by the deadline.</span>
          </label>
          {campaign ? (
            <>
              <div>
                <label htmlFor="minOrders" className="label">
                  Minimum orders
                </label>
                <input id="minOrders" name="minOrders" type="number" min={1} max={10000} required className="field w-28" defaultValue={val('minOrders', '10')} />
              </div>
              <div>
                <label htmlFor="deadline" className="label">
                  Deadline (UTC)
                </label>
                <input id="deadline" name="deadline" type="datetime-local" required min={deadlineMin} max={deadlineMax} className="field" defaultValue={val('deadline', deadlineDefault)} />
                <p className="mt-1 text-xs text-stone-500">At most {maxDays} days away: card authorisations expire after about 7 days.</p>
              </div>
            </>
          ) : null}
        </fieldset>
        <SubmitButton pendingLabel="Saving…" className="btn-primary w-full">
          Save draft and render photos
        </SubmitButton>
      </div>
    </form>
  );
}
