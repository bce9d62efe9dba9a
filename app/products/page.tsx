import type { Metadata } from 'next';
import Link from 'next/link';
import { listProducts } from '@/lib/catalog';
import { ProductGrid } from '../_components/product-grid';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Shop all products',
  description: 'Hoodies, tees, mugs, totes, posters and phone cases, printed with a pattern you design.',
  alternates: { canonical: '/products' },
};

export default async function ProductsPage() {
  const products = await listProducts();
  return (
    <main className="container-page py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Shop</h1>
      <p className="mt-2 max-w-2xl text-stone-600">
        Choose a product, then <Link href="/design" className="link">design its pattern</Link>. Every piece is printed to order from your design.
      </p>
      <div className="mt-8">
        <ProductGrid products={products} headingLevel="h2" />
      </div>
    </main>
  );
}
