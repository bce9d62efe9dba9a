import type { Metadata } from 'next';
import { requireRolePage } from '@/lib/auth';
import { listProducts } from '@/lib/catalog';
import { listTemplates, uploadedTemplatesDir } from '@/lib/mockup';
import { UploadTemplateForm } from './upload-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Mockup templates' };

export default async function MockupTemplatesAdmin() {
  await requireRolePage(['ADMIN'], '/admin/mockups');
  const products = await listProducts();
  const uploaded = uploadedTemplatesDir();
  const templates = listTemplates();
  return (
    <main className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">Mockup templates</h1>
        <p className="mt-1 text-sm text-stone-600">
          Shipped studio templates are rendered by <code>scripts/mockup/build-templates.py</code>. Add your own product photos here: the pattern is mapped onto the
          print area&apos;s four corners at its true printed size, shaded by the photo itself. Format: <code>lib/mockup/README.md</code>.
        </p>
      </div>
      <UploadTemplateForm products={products.map((p) => ({ slug: p.slug, name: p.name }))} />
      <section className="card overflow-x-auto p-5" aria-labelledby="tpl-list">
        <h2 id="tpl-list" className="font-semibold text-stone-900">Templates ({templates.length})</h2>
        <ul className="mt-3 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {templates.map((t) => (
            <li key={`${t.product}/${t.view}`}>
              {t.product} / {t.view} {t.dir.startsWith(uploaded) && <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs text-amber-900">uploaded</span>}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
