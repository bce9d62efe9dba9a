import type { Metadata } from 'next';
import { requireRolePage } from '@/lib/auth';
import { EMBEDDED_MODELS, listSiteModelsForAdmin } from '@/lib/tryon/site-model';
import { MAX_PHOTO_BYTES } from '@/lib/tryon/upload';
import { DeleteModelButton, UploadModelForm } from './forms';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Try-on models' };

export default async function TryonModelsAdmin() {
  await requireRolePage(['ADMIN'], '/admin/models');
  const models = await listSiteModelsForAdmin();
  return (
    <main className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">Try-on models</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">
          Photos of the shop&apos;s own models wear every design in the try-on gallery, newest first, before the built-in model. Each photo needs a signed model release
          that allows its use on this site: record who signed it and when. One person, facing the camera, upper body with both shoulders in the frame.
        </p>
      </div>
      <UploadModelForm maxMb={MAX_PHOTO_BYTES / 1024 / 1024} />
      <section className="card p-5" aria-labelledby="models-list">
        <h2 id="models-list" className="font-semibold text-stone-900">
          In the gallery ({models.length + EMBEDDED_MODELS.length})
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="site-model-list">
          {models.map((m) => (
            <li key={m.id} className="flex gap-3 rounded-xl border border-stone-200 p-3" data-model-id={m.id}>
              <img src={`/api/admin/tryon-models/${m.id}`} alt={m.label} width={96} height={128} className="h-32 w-24 shrink-0 rounded-lg bg-stone-100 object-cover object-top" />
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium break-words text-stone-900">{m.label}</p>
                <dl className="mt-1 space-y-0.5 text-xs text-stone-600">
                  <div>
                    <dt className="inline">Release signed by </dt>
                    <dd className="inline font-medium text-stone-800">{m.releaseSignedBy}</dd>
                  </div>
                  <div>
                    <dt className="inline">on </dt>
                    <dd className="inline">{m.releaseSignedOn}</dd>
                  </div>
                  <div>
                    <dt className="inline">confirmed </dt>
                    <dd className="inline">{m.releaseConfirmedAt.slice(0, 16).replace('T', ' ')} UTC</dd>
                  </div>
                </dl>
                <DeleteModelButton id={m.id} label={m.label} />
              </div>
            </li>
          ))}
          {EMBEDDED_MODELS.map((m) => (
            <li key={m.id} className="flex gap-3 rounded-xl border border-dashed border-stone-300 p-3">
              <img src={`/${m.file.replace(/^public\//, '')}`} alt={m.alt} width={96} height={128} className="h-32 w-24 shrink-0 rounded-lg bg-stone-100 object-cover object-top" />
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium text-stone-900">Built-in model</p>
                <p className="mt-1 text-xs text-stone-600">{m.credit}. Shown after the shop&apos;s own models; it cannot be deleted.</p>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
