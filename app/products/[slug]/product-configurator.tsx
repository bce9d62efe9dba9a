'use client';
// Live preview + options for one product: colour, size, pattern scale, quantity, add to cart.
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { startTransition, Suspense, useActionState, useCallback, useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { formatMoney } from '@/lib/catalog/format';
import { REPEAT_IN } from '@/lib/design/limits';
import { ProductArt } from '@/app/_components/product-art';
import { MockupGallery } from './mockup-gallery';
import { SeeOnModel } from '@/app/_components/see-on-model';
import { useSessionSummary } from '@/app/_components/session-summary';
import { DESIGN_ID, designStudioUrl, designTileUrl } from '@/app/_components/urls';
import { addToCartAction, type AddToCartState } from './actions';
import { inches, printAreaSummary } from './format';

export interface ConfiguratorVariant {
  id: string;
  color: string;
  colorHex: string;
  size: string | null;
  priceMinor: number;
  currency: string;
}

export interface ConfiguratorPrintArea {
  name: string;
  widthIn: number;
  heightIn: number;
  dpi: number;
}

export interface ConfiguratorSizeRow {
  size: string;
  chestIn: number;
  lengthIn: number;
  chestCm: number;
  lengthCm: number;
}

interface Props {
  product: { slug: string; name: string; kind: string };
  /** A garment's measurements per size (none for products without sizes to fit). */
  sizeChart?: ConfiguratorSizeRow[] | null;
  variants: ConfiguratorVariant[];
  printAreas: ConfiguratorPrintArea[];
  /** Product name and description, shown at the top of the options column. */
  heading?: ReactNode;
  /** Mockup template views for this product (studio shots rendered with the design). */
  mockupViews?: string[];
}

const { min: REPEAT_MIN, max: REPEAT_MAX } = REPEAT_IN;

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

interface DesignParams {
  designId: string | null;
  /** repeat size from the link, if any (inches) */
  repeatIn: number | null;
}

/** `?design=<id>&repeat=<in>` from the address bar. */
function parseDesignParams(design: string | null, repeat: string | null): DesignParams {
  const d = design?.toLowerCase() ?? null;
  const r = Number(repeat);
  return {
    designId: d && DESIGN_ID.test(d) ? d : null,
    repeatIn: repeat !== null && Number.isFinite(r) && r >= REPEAT_MIN && r <= REPEAT_MAX ? Math.round(r * 2) / 2 : null,
  };
}

// Reads the search params on the client. The page itself is static (the same HTML for every
// design), so this sits in its own Suspense boundary: only this empty component waits.
function DesignFromUrl({ onChange }: { onChange: (p: DesignParams) => void }) {
  const sp = useSearchParams();
  const design = sp.get('design');
  const repeat = sp.get('repeat');
  useEffect(() => onChange(parseDesignParams(design, repeat)), [design, repeat, onChange]);
  return null;
}

export function ProductConfigurator({ product, variants, printAreas, heading, mockupViews = [], sizeChart = null }: Props) {
  const [designId, setDesignId] = useState<string | null>(null);
  const colors = useMemo(() => unique(variants.map((v) => v.color)), [variants]);
  const sizes = useMemo(() => unique(variants.map((v) => v.size).filter((s): s is string => !!s)), [variants]);
  const [color, setColor] = useState(colors[0]);
  const [size, setSize] = useState<string | null>(sizes.length ? (sizes.includes('M') ? 'M' : sizes[0]) : null);
  const [quantity, setQuantity] = useState(1);
  const [repeatIn, setRepeatIn] = useState(4);
  const onDesignParams = useCallback((p: DesignParams) => {
    setDesignId(p.designId);
    if (p.repeatIn !== null) setRepeatIn(p.repeatIn);
  }, []);
  const { addOptimistic, refresh } = useSessionSummary();
  const ids = useId();

  const variant = variants.find((v) => v.color === color && (v.size ?? null) === size) ?? variants.find((v) => v.color === color) ?? variants[0];
  const sizeAvailable = (s: string) => variants.some((v) => v.color === color && v.size === s);
  const hex = variants.find((v) => v.color === color)?.colorHex ?? '#ffffff';
  const sheet = printAreas.find((a) => a.name === variant?.size) ?? printAreas[0];
  // Areas named after a size (poster sheets, phone models): posters list every sheet, a phone
  // case only the back of the chosen model.
  const perModel = product.kind !== 'wall-art' && printAreas.some((a) => sizes.includes(a.name));
  const shownAreas = perModel ? printAreas.filter((a) => a.name === variant?.size) : printAreas;

  const [state, formAction, pending] = useActionState(async (prev: AddToCartState, form: FormData) => {
    if (form.get('designId')) addOptimistic(Number(form.get('quantity')) || 1);
    const result = await addToCartAction(prev, form);
    await refresh(); // inside the transition, so the badge goes straight from optimistic to the server's count
    return result;
  }, { status: 'idle' } as AddToCartState);

  // Submit through a transition so React does not reset the (controlled) options afterwards.
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };

  const price = variant ? formatMoney(variant.priceMinor, variant.currency) : null;
  const clampQty = (n: number) => Math.max(1, Math.min(99, Math.round(Number.isFinite(n) ? n : 1)));

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)] lg:gap-12">
      <Suspense fallback={null}>
        <DesignFromUrl onChange={onDesignParams} />
      </Suspense>
      {/* preview */}
      <div className="min-w-0 lg:sticky lg:top-24 lg:self-start">
        <div className="relative overflow-hidden rounded-3xl border border-stone-200 bg-gradient-to-b from-stone-100 to-white">
          <ProductArt
            slug={product.slug}
            kind={product.kind}
            colorHex={hex}
            patternUrl={designId ? designTileUrl(designId) : null}
            repeatIn={repeatIn}
            sheetIn={sheet}
            showPrintArea={!designId}
            title={`${product.name} in ${color}${designId ? `, printed with your pattern at ${inches(repeatIn)} in per repeat` : ''}`}
            className="mx-auto aspect-square w-full max-w-[560px]"
          />
          {!designId ? (
            <p className="absolute inset-x-0 bottom-4 mx-auto w-fit rounded-full bg-white/90 px-3 py-1 text-xs font-medium text-stone-700 shadow-sm ring-1 ring-stone-200">
              Dashed area: where your pattern is printed
            </p>
          ) : null}
        </div>
        {designId ? (
          <div className="mt-4 flex items-center gap-3 rounded-2xl border border-stone-200 bg-white p-3">
            <img src={designTileUrl(designId)} alt="Your pattern tile" width={48} height={48} className="size-12 rounded-lg border border-stone-200 object-cover" />
            <div className="min-w-0 text-sm">
              <p className="font-medium text-stone-900">Your pattern</p>
              <DesignPrompt designId={designId} />
            </div>
            <Link href={designStudioUrl(product.slug)} className="btn-ghost ml-auto shrink-0 px-3 py-1.5 text-xs">
              Change
            </Link>
          </div>
        ) : null}
        {designId ? (
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <SeeOnModel designId={designId} product={product.slug} productName={product.name.toLowerCase()} repeatIn={repeatIn} />
            <p className="text-sm text-stone-600">Worn by our model, then on you from your own photos.</p>
          </div>
        ) : null}
        {designId ? <MockupGallery slug={product.slug} views={mockupViews} designId={designId} colorHex={hex} repeatIn={repeatIn} productName={product.name} /> : null}
      </div>

      {/* options */}
      <form action={formAction} onSubmit={onSubmit} className="flex min-w-0 flex-col gap-6">
        {heading}
        <div>
          <p className="text-2xl font-semibold text-stone-900" aria-live="polite">
            {price}
          </p>
          <p className="mt-1 text-sm text-stone-600">Printed to order · ships in 3–6 business days in the US</p>
        </div>

        {colors.length > 1 ? (
          <fieldset>
            <legend className="label">
              Colour: <span className="font-normal text-stone-600">{color}</span>
            </legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {colors.map((c) => {
                const h = variants.find((v) => v.color === c)!.colorHex;
                return (
                  <label key={c} className="group relative cursor-pointer" title={c}>
                    <input type="radio" name={`${ids}-color`} value={c} checked={c === color} onChange={() => setColor(c)} className="peer sr-only" />
                    <span
                      aria-hidden="true"
                      className="block size-10 rounded-full border border-stone-300 shadow-inner ring-offset-2 transition peer-checked:ring-2 peer-checked:ring-brand-700 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-4 peer-focus-visible:outline-brand-600 group-hover:scale-105"
                      style={{ backgroundColor: h }}
                    />
                    <span className="sr-only">{c}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        ) : (
          <p className="text-sm font-medium text-stone-800">
            {product.kind === 'wall-art' ? 'Finish' : 'Colour'}: <span className="font-normal text-stone-600">{color}</span>
          </p>
        )}

        {sizes.length > 0 ? (
          <fieldset>
            <legend className="label">{product.kind === 'accessory' ? 'Phone model' : 'Size'}</legend>
            <div className="mt-1 flex flex-wrap gap-2">
              {sizes.map((s) => {
                const ok = sizeAvailable(s);
                return (
                  <label key={s} className={ok ? 'cursor-pointer' : 'cursor-not-allowed'}>
                    <input type="radio" name={`${ids}-size`} value={s} checked={s === size} disabled={!ok} onChange={() => setSize(s)} className="peer sr-only" />
                    <span className="inline-flex min-w-12 items-center justify-center rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 transition peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:opacity-40 hover:border-stone-500">
                      {s.replace(/^(\d+)x(\d+)$/, '$1 × $2 in')}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        ) : null}
        {sizes.length > 0 && sizeChart?.length ? <SizeChart rows={sizeChart} selected={size} /> : null}

        {designId ? (
          <div>
            <label htmlFor={`${ids}-repeat`} className="label">
              Pattern size: <span className="font-semibold tabular-nums">{inches(repeatIn)} in</span> per repeat
            </label>
            <input
              id={`${ids}-repeat`}
              type="range"
              min={REPEAT_MIN}
              max={REPEAT_MAX}
              step={0.5}
              value={repeatIn}
              onChange={(e) => setRepeatIn(Number(e.target.value))}
              aria-valuetext={`${inches(repeatIn)} inches per repeat`}
              className="w-full accent-brand-700"
            />
            <div className="flex justify-between text-xs text-stone-500" aria-hidden="true">
              <span>0.5 in · small, busy</span>
              <span>24 in · large, bold</span>
            </div>
          </div>
        ) : null}

        <div>
          <label htmlFor={`${ids}-qty`} className="label">
            Quantity
          </label>
          <div className="inline-flex items-center rounded-full border border-stone-300 bg-white shadow-sm">
            <button type="button" className="grid size-10 place-items-center rounded-full text-lg text-stone-700 hover:bg-stone-100 disabled:opacity-40" onClick={() => setQuantity((q) => clampQty(q - 1))} disabled={quantity <= 1} aria-label="Decrease quantity">
              −
            </button>
            <input
              id={`${ids}-qty`}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={99}
              value={quantity}
              onChange={(e) => setQuantity(clampQty(Number(e.target.value)))}
              className="w-12 [appearance:textfield] border-0 bg-transparent rounded-md text-center text-sm font-semibold tabular-nums focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 [&::-webkit-inner-spin-button]:appearance-none"
            />
            <button type="button" className="grid size-10 place-items-center rounded-full text-lg text-stone-700 hover:bg-stone-100 disabled:opacity-40" onClick={() => setQuantity((q) => clampQty(q + 1))} disabled={quantity >= 99} aria-label="Increase quantity">
              +
            </button>
          </div>
        </div>

        <input type="hidden" name="variantId" value={variant?.id ?? ''} />
        <input type="hidden" name="designId" value={designId ?? ''} />
        <input type="hidden" name="product" value={product.slug} />
        <input type="hidden" name="repeatIn" value={repeatIn} />

        <div className="flex flex-col gap-3 sm:flex-row">
          {designId ? (
            <>
              <button type="submit" className="btn-primary flex-1 py-3 text-base" disabled={pending || !variant} data-testid="add-to-cart">
                {pending ? 'Adding…' : 'Add to cart'}
              </button>
              <Link href={designStudioUrl(product.slug)} className="btn-secondary flex-1 py-3 text-base">
                Try another design
              </Link>
            </>
          ) : (
            <>
              <Link href={designStudioUrl(product.slug)} className="btn-primary flex-1 py-3 text-base">
                Design your pattern
              </Link>
              <button type="submit" className="btn-secondary flex-1 py-3 text-base" disabled aria-describedby={`${ids}-need-design`} data-testid="add-to-cart">
                Add to cart
              </button>
            </>
          )}
        </div>
        {!designId ? (
          <p id={`${ids}-need-design`} className="-mt-3 text-sm text-stone-600">
            Design a pattern first — every piece is printed with your own design.
          </p>
        ) : null}

        <div aria-live="polite" role="status" className="min-h-6 text-sm">
          {state.status === 'ok' ? (
            <p key={state.at} className="flex items-center gap-2 rounded-xl bg-brand-50 px-4 py-3 font-medium text-brand-900 ring-1 ring-brand-200">
              {state.message}{' '}
              <Link href="/cart" className="link ml-auto">
                View cart →
              </Link>
            </p>
          ) : state.status === 'error' ? (
            <p key={state.at} role="alert" className="rounded-xl bg-red-50 px-4 py-3 font-medium text-red-800 ring-1 ring-red-200">
              {state.message}
            </p>
          ) : null}
        </div>

        <div className="border-t border-stone-200 pt-5">
          <h2 className="text-sm font-semibold text-stone-900">Print areas</h2>
          <ul className="mt-2 space-y-1 text-sm text-stone-600">
            {shownAreas.map((a) => (
              <li key={a.name} className={product.kind === 'wall-art' && a.name !== variant?.size ? 'text-stone-500' : undefined}>
                {perModel ? `Case back for ${a.name}: ${inches(a.widthIn)} × ${inches(a.heightIn)} in, ${a.dpi} DPI` : printAreaSummary(a)}
              </li>
            ))}
          </ul>
        </div>
      </form>
    </div>
  );
}

/** Measurements per size, laid flat, in inches and centimetres; the chosen size is marked. */
function SizeChart({ rows, selected }: { rows: ConfiguratorSizeRow[]; selected: string | null }) {
  return (
    <details className="group -mt-2 rounded-xl border border-stone-200 bg-white" data-testid="size-chart">
      <summary className="cursor-pointer list-none rounded-xl px-4 py-2.5 text-sm font-medium text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden">
        <span className="inline-flex items-center gap-2">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 text-stone-500" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round">
            <path d="M3 8h18v8H3z" />
            <path d="M7 8v3M11 8v4M15 8v3M19 8v4" />
          </svg>
          Size chart
          <span aria-hidden="true" className="text-stone-400 transition group-open:rotate-180">▾</span>
        </span>
      </summary>
      <div className="overflow-x-auto px-4 pb-4">
        <table className="w-full text-left text-sm tabular-nums">
          <caption className="pb-2 text-left text-xs text-stone-600">Garment measured laid flat: chest from armpit to armpit, length from the shoulder to the hem.</caption>
          <thead>
            <tr className="border-b border-stone-200 text-stone-600">
              <th scope="col" className="py-1.5 pr-3 font-medium">Size</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">Chest width</th>
              <th scope="col" className="py-1.5 font-medium">Body length</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.size} className={r.size === selected ? 'bg-brand-50 font-semibold text-brand-950' : 'text-stone-800'} aria-current={r.size === selected ? 'true' : undefined}>
                <th scope="row" className="py-1.5 pr-3 pl-1 font-semibold">{r.size}</th>
                <td className="py-1.5 pr-3">
                  {inches(r.chestIn)} in <span className="text-stone-500">· {r.chestCm} cm</span>
                </td>
                <td className="py-1.5">
                  {inches(r.lengthIn)} in <span className="text-stone-500">· {r.lengthCm} cm</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The design's own words ("cats in pastel …"), fetched once its id is known. */
function DesignPrompt({ designId }: { designId: string }) {
  const [loaded, setLoaded] = useState<{ id: string; prompt: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/designs/${designId}`)
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { prompt?: string } | null) => live && setLoaded({ id: designId, prompt: d?.prompt ?? null }))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [designId]);
  const prompt = loaded?.id === designId ? loaded.prompt : null;
  return (
    <p className="truncate text-xs text-stone-600" title={prompt ?? undefined}>
      {prompt ? `“${prompt}”` : 'Made in the studio'}
    </p>
  );
}
