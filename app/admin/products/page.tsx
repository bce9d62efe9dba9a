import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRolePage } from '@/lib/auth';
import { formatMoney, listAllProductsForAdmin } from '@/lib/catalog';
import { ProductArt } from '@/app/_components/product-art';
import { AdminTable, Th } from '../_shared';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Products' };

export default async function AdminProducts() {
  await requireRolePage(['ADMIN'], '/admin/products');
  const products = await listAllProductsForAdmin();
  return (
    <main>
      <h1 className="text-2xl font-bold tracking-tight text-stone-900">Products</h1>
      <div className="mt-6">
        <AdminTable
          head={
            <>
              <Th>Product</Th>
              <Th>Status</Th>
              <Th>Variants</Th>
              <Th className="text-right">Prices</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </>
          }
        >
          {products.map((p) => {
            const prices = p.variants.map((v) => v.priceMinor);
            const active = p.variants.filter((v) => v.active).length;
            const currency = p.variants[0]?.currency ?? 'usd';
            return (
              <tr key={p.id}>
                <td className="px-3 py-2">
                  <div className="flex items-center gap-3">
                    <ProductArt slug={p.slug} kind={p.kind} colorHex={p.variants[0]?.colorHex ?? '#fff'} className="size-12 shrink-0 rounded-lg bg-stone-100" />
                    <div>
                      <p className="font-medium text-stone-900">{p.name}</p>
                      <p className="font-mono text-xs text-stone-500">{p.slug}</p>
                    </div>
                  </div>
                </td>
                <td className="px-3 py-2">
                  {p.active ? (
                    <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">On sale</span>
                  ) : (
                    <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-800">Hidden</span>
                  )}
                </td>
                <td className="px-3 py-2 text-stone-700">
                  {active} of {p.variants.length} active
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums text-stone-700">
                  {prices.length ? `${formatMoney(Math.min(...prices), currency)} – ${formatMoney(Math.max(...prices), currency)}` : '—'}
                </td>
                <td className="px-3 py-2 text-right">
                  <Link href={`/admin/products/${p.id}`} className="btn-secondary px-3 py-1.5 text-xs">
                    Edit<span className="sr-only"> {p.name}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </AdminTable>
      </div>
    </main>
  );
}
