import type { Metadata } from 'next';
import { findProductBySlug } from '@/lib/catalog';
import { isDesignId } from '@/lib/design';
import { getDesign } from '@/lib/generation';
import { Studio, type ReopenedDesign } from './studio';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Design studio',
  description: 'Describe a pattern and pick one of four seamless designs, generated on our own servers.',
};

async function productName(slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  try {
    return (await findProductBySlug(slug))?.name ?? null;
  } catch {
    return null;
  }
}

/** ?design=<id>: the design reopened from "My designs" or a share page, with its own words. */
async function reopened(id: string | string[] | undefined): Promise<ReopenedDesign | null> {
  if (!isDesignId(id)) return null;
  const d = await getDesign(id).catch(() => null);
  return d ? { id: d.id, prompt: d.recipe.prompt } : null;
}

export default async function DesignPage({ searchParams }: { searchParams: Promise<{ product?: string | string[]; prompt?: string | string[]; design?: string | string[] }> }) {
  const sp = await searchParams;
  const initialDesign = await reopened(sp.design);
  const slug = typeof sp.product === 'string' && /^[a-z0-9-]{1,80}$/.test(sp.product) ? sp.product : undefined;
  const name = await productName(slug);
  return (
    <main className="container-page py-8 sm:py-12">
      <header className="max-w-3xl">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Design studio</p>
        <h1 className="mt-2 text-3xl font-extrabold tracking-tight text-stone-900 sm:text-4xl">Describe your pattern</h1>
        <p className="mt-3 text-base text-stone-600">
          Name a motif, its colour and a background — for example <q className="font-medium text-stone-800">small red hearts on navy, half-drop</q>. You get four seamless tiles; pick the one you like
          {name ? (
            <>
              {' '}
              for your <span className="font-semibold text-stone-900">{name}</span>.
            </>
          ) : (
            '.'
          )}
        </p>
      </header>
      <Studio key={initialDesign?.id ?? "new"} productSlug={slug ?? null} productName={name} initialPrompt={typeof sp.prompt === 'string' ? sp.prompt.slice(0, 300) : ''} initialDesign={initialDesign} />
    </main>
  );
}
