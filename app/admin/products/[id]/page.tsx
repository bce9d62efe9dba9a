import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRolePage } from '@/lib/auth';
import { findProductById, variantLabel } from '@/lib/catalog';
import { SubmitButton } from '@/app/_components/submit-button';
import { Flash, Th, centsToDollars, param } from '../../_shared';
import { updateProductAction, updateVariantAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit product' };

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminEditProduct({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  await requireRolePage(['ADMIN'], `/admin/products/${id}`);
  const product = await findProductById(id);
  if (!product) notFound();
  const currency = (product.variants[0]?.currency ?? 'usd').toUpperCase();

  return (
    <main>
      <p className="text-sm">
        <Link href="/admin/products" className="link">
          ← All products
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-stone-900">{product.name}</h1>
      <p className="text-sm text-stone-600">
        <Link href={`/products/${product.slug}`} className="link">
          /products/{product.slug}
        </Link>
      </p>
      <div className="mt-4">
        <Flash saved={param(sp.saved)} error={param(sp.error)} />
      </div>

      <form action={updateProductAction} className="card mt-2 space-y-4 p-5 sm:p-6">
        <h2 className="text-lg font-semibold text-stone-900">Details</h2>
        <input type="hidden" name="id" value={product.id} />
        <div>
          <label htmlFor="p-name" className="label">
            Name
          </label>
          <input id="p-name" name="name" defaultValue={product.name} required maxLength={120} className="field" />
        </div>
        <div>
          <label htmlFor="p-description" className="label">
            Description
          </label>
          <textarea id="p-description" name="description" defaultValue={product.description} required rows={4} maxLength={2000} className="field" />
        </div>
        <label className="flex items-center gap-2 text-sm font-medium text-stone-800">
          <input type="checkbox" name="active" defaultChecked={product.active} className="size-4 accent-brand-700" />
          On sale (shown in the shop)
        </label>
        <SubmitButton pendingLabel="Saving…">Save product</SubmitButton>
      </form>

      <section id="variants" aria-labelledby="variants-heading" className="card mt-6 scroll-mt-24 p-5 sm:p-6">
        <h2 id="variants-heading" className="text-lg font-semibold text-stone-900">
          Variants
        </h2>
        <p className="mt-1 text-sm text-stone-600">Prices and costs in {currency}; each row saves on its own.</p>
        <div className="relative mt-4 overflow-x-auto">
          <table className="w-full min-w-[640px] text-sm">
            <thead className="border-b border-stone-200">
              <tr>
                <Th>Variant</Th>
                <Th>Price ({currency})</Th>
                <Th>Cost ({currency})</Th>
                <Th>Active</Th>
                <Th>
                  <span className="sr-only">Save</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {product.variants.map((v) => {
                const formId = `variant-${v.id}`;
                const label = variantLabel(v);
                return (
                  <tr key={v.id}>
                    <td className="px-3 py-2">
                      <form id={formId} action={updateVariantAction}>
                        <input type="hidden" name="id" value={v.id} />
                        <input type="hidden" name="productId" value={product.id} />
                        <input type="hidden" name="sku" value={v.sku} />
                      </form>
                      <div className="flex items-center gap-2">
                        <span aria-hidden="true" className="size-4 shrink-0 rounded-full border border-stone-300" style={{ backgroundColor: v.colorHex }} />
                        <div>
                          <p className="font-medium text-stone-900">{label}</p>
                          <p className="font-mono text-xs text-stone-500">{v.sku}</p>
                        </div>
                      </div>
                    </td>
                    <td className="px-3 py-2">
                      <input form={formId} name="price" defaultValue={centsToDollars(v.priceMinor)} inputMode="decimal" required aria-label={`Price of ${label}`} className="field w-28 tabular-nums" />
                    </td>
                    <td className="px-3 py-2">
                      <input form={formId} name="cost" defaultValue={centsToDollars(v.costMinor)} inputMode="decimal" required aria-label={`Cost of ${label}`} className="field w-28 tabular-nums" />
                    </td>
                    <td className="px-3 py-2">
                      <input form={formId} type="checkbox" name="active" defaultChecked={v.active} aria-label={`${label} active`} className="size-4 accent-brand-700" />
                    </td>
                    <td className="px-3 py-2 text-right">
                      <button form={formId} type="submit" className="btn-secondary px-3 py-1.5 text-xs">
                        Save<span className="sr-only"> {label}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
